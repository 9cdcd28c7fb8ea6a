/**
 * Puts a staged tree in place so that a web server reading the site at any moment finds every path, with either its
 * previous bytes or its new ones: never a missing `v1/`, never a half-written file.
 *
 * Why file by file, and not the two folder renames used before or a symlink:
 * - Two renames (`v1` aside, the new tree in) leave a moment with no `v1/` at all; a static server answers 404 for
 *   every document in it. POSIX has no atomic exchange of two folders, and Node offers no renameat2(RENAME_EXCHANGE).
 * - A symlink swapped with one rename is atomic, but the site is not only read by a server: upload steps copy it.
 *   actions/upload-pages-artifact tars with --dereference, so the link and its hidden target would both be uploaded
 *   (the API twice); other deploy tools keep, follow or refuse links each in their own way; Windows needs a privilege
 *   to create them. Plain files and folders are what every static host and upload action handles.
 * - rename(2) replaces one file atomically, so moving each new file over the old one keeps every path answerable. The
 *   order makes the mix during the swap (milliseconds) harmless: files that others refer to move first (hashed chunks
 *   before the entry that imports them, occupations before the route maps that list them, `meta.json` last), and
 *   files that are no longer published go only at the end.
 * - Before a file is replaced the old one is kept as a hard link (a copy where links are not possible), so a failure
 *   in the middle of the swap puts every file back: a failed run leaves the previous site as it was.
 */
import { copyFile, link, mkdir, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface SwapPlan {
  /** The site's folder (DIR). */
  root: string;
  /** A folder (inside `root`, so renames stay on one file system) holding the new files at their paths under `root`. */
  staged: string;
  /** Folders of `root` (e.g. `v1`) that the staged tree replaces whole: their files that it lacks are removed. */
  replaces: string[];
  /** Order of moving in, lower first: a file before the files that refer to it. Ties go in path order. */
  rank?: (path: string) => number;
  /** Called after each file has moved in or out (tests look at the site between two steps). */
  onStep?: (path: string, change: 'in' | 'out') => void | Promise<void>;
}

/** Every file under `dir`, as `/`-separated paths relative to it; none when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

/** Keeps the file at `from` as `to` without touching `from`; false when there is no file at `from`. */
async function keep(from: string, to: string, makeFolder: (folder: string) => Promise<void>): Promise<boolean> {
  await makeFolder(dirname(to));
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'EISDIR' || code === 'EPERM' || code === 'EXDEV' || code === 'ENOTSUP' || code === 'EMLINK') {
      await copyFile(from, to);
      return true;
    }
    throw error;
  }
}

/** Removes the folders under `dir` that are empty (deepest first), then `dir` itself if it is empty. */
async function pruneEmpty(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) if (entry.isDirectory()) await pruneEmpty(join(dir, entry.name));
  await rmdir(dir).catch(() => {});
}

/** True when a process with this id runs (the staging folder of a run in progress must stay). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A staging folder for a new run (`root/<prefix>-<pid>-<time>`), after removing those a killed run left behind
 * (their process is gone): an upload step would otherwise publish them with the site.
 */
export async function stagingFolder(root: string, prefix: string): Promise<string> {
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const pid = name.startsWith(`${prefix}-`) ? Number(name.slice(prefix.length + 1).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !running(pid)) await rm(join(root, name), { recursive: true, force: true });
  }
  return join(root, `${prefix}-${process.pid}-${Date.now()}`);
}

/** Moves the staged files into `root` (see the comment at the top), then removes `staged`. */
export async function swapIn(plan: SwapPlan): Promise<void> {
  const rank = plan.rank ?? (() => 0);
  const incoming = (await filesUnder(plan.staged)).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const arriving = new Set(incoming);
  const leaving: string[] = [];
  // The files of the replaced folders now: a new path among them has no old file to keep (no link to try).
  const present = new Set<string>();
  for (const folder of plan.replaces) {
    for (const path of await filesUnder(join(plan.root, folder))) {
      present.add(`${folder}/${path}`);
      if (!arriving.has(`${folder}/${path}`)) leaving.push(`${folder}/${path}`);
    }
  }
  const replaced = (path: string) => plan.replaces.some((folder) => path.startsWith(`${folder}/`));
  // Each folder is made once, not once per file (a snapshot moves thousands of files into a few folders).
  const made = new Set<string>();
  const makeFolder = async (folder: string) => {
    if (made.has(folder)) return;
    await mkdir(folder, { recursive: true });
    made.add(folder);
  };
  const backup = `${plan.staged}.old`;
  const moved: Array<{ path: string; hadOld: boolean }> = [];
  const removed: string[] = [];
  try {
    for (const path of incoming) {
      const target = join(plan.root, path);
      const hadOld = replaced(path) && !present.has(path) ? false : await keep(target, join(backup, path), makeFolder);
      await makeFolder(dirname(target));
      await rename(join(plan.staged, path), target);
      moved.push({ path, hadOld });
      await plan.onStep?.(path, 'in');
    }
    for (const path of leaving) {
      await makeFolder(dirname(join(backup, path)));
      await rename(join(plan.root, path), join(backup, path));
      removed.push(path);
      await plan.onStep?.(path, 'out');
    }
  } catch (error) {
    // Back the way we came: each step is again one rename (or the removal of a file that did not exist before).
    for (const path of removed.reverse()) await rename(join(backup, path), join(plan.root, path)).catch(() => {});
    for (const { path, hadOld } of moved.reverse()) {
      const target = join(plan.root, path);
      await (hadOld ? rename(join(backup, path), target) : unlink(target)).catch(() => {});
    }
    throw error;
  } finally {
    await rm(backup, { recursive: true, force: true });
    await rm(plan.staged, { recursive: true, force: true });
  }
  for (const folder of plan.replaces) {
    const root = join(plan.root, folder);
    for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) await pruneEmpty(join(root, entry.name));
  }
}

/**
 * The order in which Embed API documents move in: what others list first (SOC groups, standards, occupations,
 * progression maps), then what lists them (route maps, routes.json, the search index), `meta.json` (the freshness a
 * page shows) last.
 */
export function documentRank(path: string): number {
  const order = ['soc/', 'standards/', 'occupations/', 'progression/', 'routes/', 'routes.json', 'search-index.json', 'meta.json'];
  const index = order.findIndex((prefix) => path.startsWith(prefix));
  return index === -1 ? order.length - 1 : index;
}
