/**
 * The map's state in the URL hash, namespaced so a college can link to a filtered view without disturbing the rest
 * of the fragment: `#om-route-map=levels:4-5;q:data;sel:OCC0118`. Other `&`-separated parts of the hash are kept
 * as they were.
 */
export interface UrlState {
  levels?: string;
  status?: string;
  products?: string;
  search?: string;
  pathway?: string;
  view?: string;
  offered?: string;
  selected?: string;
}

/** Short, stable field names in the hash. */
const FIELDS: ReadonlyArray<[keyof UrlState, string]> = [
  ['levels', 'levels'],
  ['status', 'status'],
  ['products', 'products'],
  ['search', 'q'],
  ['pathway', 'pathway'],
  ['view', 'view'],
  ['offered', 'offered'],
  ['selected', 'sel'],
];

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Percent-encodes what would break the `;`/`:`/`&` structure; keeps commas and dashes readable. */
const encode = (value: string): string => encodeURIComponent(value).replace(/%2C/gi, ',');

const hashParts = (hash: string): string[] => hash.replace(/^#/, '').split('&').filter(Boolean);

/** Reads this map's state from a hash; `null` when the hash holds none for `key`. */
export function readUrlState(hash: string, key: string): UrlState | null {
  const part = hashParts(hash).find((candidate) => candidate.startsWith(`${key}=`));
  if (part === undefined) return null;
  const state: UrlState = {};
  for (const field of part.slice(key.length + 1).split(';')) {
    const colon = field.indexOf(':');
    if (colon < 1) continue;
    const name = field.slice(0, colon);
    const entry = FIELDS.find(([, short]) => short === name);
    if (entry) state[entry[0]] = decode(field.slice(colon + 1));
  }
  return state;
}

/** The hash with this map's part replaced (or removed when the state is all defaults), other parts untouched. */
export function writeUrlState(hash: string, key: string, state: UrlState): string {
  const fields = FIELDS.flatMap(([name, short]) => {
    const value = state[name]?.trim();
    return value ? [`${short}:${encode(value)}`] : [];
  });
  const ours = fields.length > 0 ? `${key}=${fields.join(';')}` : null;
  const parts = hashParts(hash);
  const at = parts.findIndex((candidate) => candidate.startsWith(`${key}=`));
  if (at >= 0) {
    if (ours) parts[at] = ours;
    else parts.splice(at, 1);
  } else if (ours) {
    parts.push(ours);
  }
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
