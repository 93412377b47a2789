/**
 * The revenue ("income") posting categories a sales voucher may book to, from
 * https://developers.lexware.io/docs/ (Vouchers Endpoint, "List of
 * categoryIds" for salesinvoice/salescreditnote; Posting Categories Endpoint
 * sample). A real account has more (its own); the sandbox knows these.
 */
export const INCOME_CATEGORIES = [
  { id: '8f8664a1-fd86-11e1-a21f-0800200c9a66', name: 'Einnahmen' },
  { id: '8f8664a8-fd86-11e1-a21f-0800200c9a66', name: 'Warenverkäufe' },
  { id: '8f8664a0-fd86-11e1-a21f-0800200c9a66', name: 'Dienstleistung' },
  { id: '9075a4e3-66de-4795-a016-3889feca0d20', name: 'Innergemeinschaftliche Lieferung' },
  { id: '380a20cb-d04c-426e-b49c-84c22adfa362', name: 'Fremdleistungen §13b' },
  { id: '93d24c20-ea84-424e-a731-5e1b78d1e6a9', name: 'Ausfuhrlieferungen an Drittländer' },
  { id: 'ef5b1a6e-f690-4004-9a19-91276348894f', name: 'Dienstleistungen an Drittländer' },
  { id: 'f5c7fee8-f184-4e7a-ab04-8f7e7ad6c207', name: 'Einnahmen als Kleinunternehmer' },
] as const;

const INCOME_IDS = new Set<string>(INCOME_CATEGORIES.map((c) => c.id));

export const isIncomeCategory = (id: unknown): boolean =>
  typeof id === 'string' && INCOME_IDS.has(id);

/** `GET /v1/posting-categories`: a bare array. */
export function postingCategories() {
  return INCOME_CATEGORIES.map((c) => ({
    id: c.id,
    name: c.name,
    type: 'income',
    contactRequired: false,
    splitAllowed: true,
    groupName: 'Einnahmen',
  }));
}
