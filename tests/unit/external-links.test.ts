import { describe, expect, it } from 'vitest';
import { isAllowedExternalLink, isAppUrl } from '../../electron/main/external-links';

describe('isAllowedExternalLink', () => {
  it.each([
    'https://www.openstreetmap.org/?mlat=-6.2&mlon=106.8#map=18/-6.2/106.8',
    'https://openstreetmap.org/way/123',
    'https://wa.me/6281234567890?text=Tagihan%20Anda',
    'https://www.google.com/maps?q=-6.2,106.8',
    'https://www.google.com/maps/place/Jakarta',
    'https://maps.google.com/?q=-6.2,106.8',
  ])('opens %s in the browser', (url) => {
    expect(isAllowedExternalLink(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://wa.me/6281234567890'],
    ['a look-alike host', 'https://wa.me.evil.example/x'],
    ['a host that only ends with the name', 'https://evilopenstreetmap.org/'],
    ['credentials that hide the real host', 'https://wa.me@evil.example/'],
    ['user info on an allowed host', 'https://user:pass@wa.me/'],
    ['an unusual port', 'https://wa.me:8443/628123'],
    ['a path outside the allowed prefix', 'https://www.google.com/search?q=x'],
    ['a prefix look-alike', 'https://www.google.com/mapsevil'],
    ['a site not on the list', 'https://example.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['the app scheme', 'gerai://app/index.html'],
    ['not a URL', 'wa.me/628123'],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalLink(url)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts the packaged app scheme and the dev server, with any path', () => {
    expect(isAppUrl('gerai://app/index.html', 'gerai://app')).toBe(true);
    expect(isAppUrl('gerai://app/pos?x=1#/sale', 'gerai://app')).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
  });

  it('refuses other hosts, ports, schemes and disguised URLs', () => {
    expect(isAppUrl('gerai://app.evil/index.html', 'gerai://app')).toBe(false);
    expect(isAppUrl('gerai://app@evil/index.html', 'gerai://app')).toBe(false);
    expect(isAppUrl('file:///work/out/renderer/index.html', 'gerai://app')).toBe(false);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('about:blank', 'gerai://app')).toBe(false);
    expect(isAppUrl('', 'gerai://app')).toBe(false);
  });
});
