// Finds a Chromium for the browser tests, or installs Debian's `chromium` when running as root on Debian/Ubuntu.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const which = (name) => {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
};

export function findChromium() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = which(name);
    if (found) return found;
  }
  return null;
}

/** Returns a Chromium path, installing one with apt when that is possible; otherwise exits with one line. */
export function ensureChromium() {
  let found = findChromium();
  const canApt = process.getuid?.() === 0 && existsSync('/etc/debian_version') && which('apt-get');
  if (!found && canApt) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get (about 20 s)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status === 0) spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    found = findChromium();
  }
  if (!found) {
    console.error('No Chromium found: install Chromium or Chrome (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROME_PATH.');
    process.exit(1);
  }
  process.env.CHROME_PATH = found;
  return found;
}

/** Flags for headless Chromium as root on a closed network (see shared/TOOLING.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-setuid-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
  '--no-first-run', '--no-default-browser-check', '--mute-audio',
];
