/** Québec's 17 administrative regions (names are the same in English). */
export const REGIONS = [
  { code: '01', name: 'Bas-Saint-Laurent' },
  { code: '02', name: 'Saguenay–Lac-Saint-Jean' },
  { code: '03', name: 'Capitale-Nationale' },
  { code: '04', name: 'Mauricie' },
  { code: '05', name: 'Estrie' },
  { code: '06', name: 'Montréal' },
  { code: '07', name: 'Outaouais' },
  { code: '08', name: 'Abitibi-Témiscamingue' },
  { code: '09', name: 'Côte-Nord' },
  { code: '10', name: 'Nord-du-Québec' },
  { code: '11', name: 'Gaspésie–Îles-de-la-Madeleine' },
  { code: '12', name: 'Chaudière-Appalaches' },
  { code: '13', name: 'Laval' },
  { code: '14', name: 'Lanaudière' },
  { code: '15', name: 'Laurentides' },
  { code: '16', name: 'Montérégie' },
  { code: '17', name: 'Centre-du-Québec' },
] as const;
export type RegionCode = (typeof REGIONS)[number]['code'];
export const REGION_CODES = REGIONS.map((r) => r.code) as RegionCode[];

/** A region's name from its code (the code itself when unknown, so nothing shows blank). */
export function regionName(code: string): string;
export function regionName(code: string | null): string | null;
export function regionName(code: string | null): string | null {
  return code === null ? null : (REGIONS.find((r) => r.code === code)?.name ?? code);
}

/** Retail trade subsectors, NAICS/SCIAN Canada 2022, sectors 44–45. */
export const NAICS_RETAIL = [
  {
    code: '441',
    fr: 'Marchands de véhicules automobiles et de leurs pièces',
    en: 'Motor vehicle and parts dealers',
  },
  {
    code: '444',
    fr: 'Marchands de matériaux de construction et de matériel et fournitures de jardinage',
    en: 'Building material and garden equipment and supplies dealers',
  },
  { code: '445', fr: "Détaillants d'alimentation", en: 'Food and beverage retailers' },
  {
    code: '449',
    fr: "Détaillants de meubles, d'accessoires de maison, d'appareils électroniques et d'appareils ménagers",
    en: 'Furniture, home furnishings, electronics and appliance retailers',
  },
  { code: '455', fr: 'Détaillants de marchandises diverses', en: 'General merchandise retailers' },
  {
    code: '456',
    fr: 'Détaillants de produits de santé et de soins personnels',
    en: 'Health and personal care retailers',
  },
  { code: '457', fr: 'Stations-service et vendeurs de carburant', en: 'Gasoline stations and fuel vendors' },
  {
    code: '458',
    fr: 'Détaillants de vêtements, d’accessoires vestimentaires, de chaussures, de bijoux, de bagages et de maroquinerie',
    en: 'Clothing, clothing accessories, shoe, jewellery, luggage and leather goods retailers',
  },
  {
    code: '459',
    fr: "Détaillants d'articles de sport, d'articles de passe-temps, d'instruments de musique, de livres et d'autres marchandises",
    en: 'Sporting goods, hobby, musical instrument, book, and miscellaneous retailers',
  },
] as const;
export const NAICS_RETAIL_CODES = NAICS_RETAIL.map((n) => n.code) as string[];

/** Canadian postal code, normalised to `A1A 1A1`; letters D, F, I, O, Q, U never appear, W and Z never first. */
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/;
export function normalisePostalCode(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  if (!POSTAL_CODE.test(compact)) return undefined;
  return `${compact.slice(0, 3)} ${compact.slice(3)}`;
}
/** Québec postal codes start with G (east), H (Montréal, Laval) or J (west and north). */
export const isQuebecPostalCode = (normalised: string) => /^[GHJ]/.test(normalised);

/** NEQ: 10 digits, accepted with spaces or dashes; stored as digits only. */
export function normaliseNeq(value: string): string | undefined {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}

/**
 * The check observed on real NEQs (Luhn over digits 3 to 10) is not confirmed as official: a failure
 * only warns the person to double-check the number.
 */
export function neqChecksumLooksRight(neq: string): boolean {
  const digits = neq.slice(2).split('').map(Number);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits[digits.length - 1 - i]!;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
