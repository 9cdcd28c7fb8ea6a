/** What `<soc-badge>`'s detail says (British English); overridable per element through `strings`. */
export const socBadgeDetailStrings = {
  socMajorGroup: 'Major group',
  socSubMajorGroup: 'Sub-major group',
  socMinorGroup: 'Minor group',
  socUnitGroup: 'Unit group',
  socDescription: 'What this unit group does',
  socOccupations: 'Occupations on the maps with this code',
  socNoOccupations: 'No occupation on the maps has this code yet.',
  socOnsLink: 'SOC 2020 unit groups on the ONS website',
  socOns2010Link: 'SOC 2010 on the ONS website',
  soc2010Note: 'SOC 2010 codes were renumbered in SOC 2020, so this code is shown as given, without the SOC 2020 groups.',
  socSource: 'SOC 2020 titles: Office for National Statistics, Open Government Licence v3.0.',
};
