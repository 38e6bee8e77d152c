import { createRoot } from 'react-dom/client';
import { invoke } from './ipc/invoke';

function App() {
  return <p>Gerai</p>;
}
void invoke('setup.status', {});
createRoot(document.getElementById('root')!).render(<App />);
