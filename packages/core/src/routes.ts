/**
 * The 15 occupational routes. `id` is the Occupational Maps API `routeId` (not the Find an Apprenticeship
 * numbering: only six of the fifteen coincide); `slug` is the one the official maps use in
 * `/maps/route/{slug}`; `sequence` is the official display order.
 */
export interface RouteInfo {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly sequence: number;
}

export const ROUTES: readonly RouteInfo[] = Object.freeze([
  { id: 1, slug: 'agriculture-environmental-animal-care', name: 'Agriculture, environmental and animal care', sequence: 0 },
  { id: 2, slug: 'business-administration', name: 'Business and administration', sequence: 1 },
  { id: 14, slug: 'care-services', name: 'Care services', sequence: 2 },
  { id: 3, slug: 'catering-hospitality', name: 'Catering and hospitality', sequence: 3 },
  { id: 5, slug: 'construction', name: 'Construction and the built environment', sequence: 4 },
  { id: 6, slug: 'creative-design', name: 'Creative and design', sequence: 5 },
  { id: 7, slug: 'digital', name: 'Digital', sequence: 6 },
  { id: 4, slug: 'education-early-years', name: 'Education and early years', sequence: 7 },
  { id: 8, slug: 'engineering-manufacturing', name: 'Engineering and manufacturing', sequence: 8 },
  { id: 9, slug: 'hair-beauty', name: 'Hair and beauty', sequence: 9 },
  { id: 10, slug: 'health-science', name: 'Health and science', sequence: 10 },
  { id: 11, slug: 'legal-finance-accounting', name: 'Legal, finance and accounting', sequence: 11 },
  { id: 12, slug: 'protective-services', name: 'Protective services', sequence: 12 },
  { id: 13, slug: 'sales-marketing-procurement', name: 'Sales, marketing and procurement', sequence: 13 },
  { id: 15, slug: 'transport-logistics', name: 'Transport and logistics', sequence: 14 },
]);

/** Older names seen in upstream data, mapped to today's. */
const FORMER_NAMES: Readonly<Record<string, string>> = {
  construction: 'construction',
  'education and childcare': 'education-early-years',
};

const normaliseName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** Finds a route by slug, Maps API id (number or numeric string) or upstream name. */
export function findRoute(key: string | number | null | undefined): RouteInfo | undefined {
  if (key === null || key === undefined) return undefined;
  if (typeof key === 'number' || /^\d+$/.test(String(key).trim())) {
    const id = Number(key);
    return ROUTES.find((route) => route.id === id);
  }
  const text = normaliseName(String(key));
  return (
    ROUTES.find((route) => route.slug === text) ??
    ROUTES.find((route) => normaliseName(route.name) === text) ??
    ROUTES.find((route) => route.slug === FORMER_NAMES[text])
  );
}
