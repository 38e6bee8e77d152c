/** Leaflet's stylesheet, imported for its side effect (Vite bundles it). */
declare module 'leaflet/dist/leaflet.css';
