import type { B2bAngebotForm, EbookKaufForm } from '@campus/events';
import { postalAddress, text, type CustomerUpdate } from './customer-update.js';

// The website knows its customers by e-mail address; case does not make another one.
const campusRef = (email: string) => ({
  source: 'campus' as const,
  id: email.trim().toLowerCase(),
});

/** form.b2b.angebot.submit: a company asking for an Angebot is a prospect. */
export function fromAngebotForm(form: B2bAngebotForm): CustomerUpdate {
  const { firma, ansprechpartner } = form;
  return {
    ref: campusRef(ansprechpartner.email),
    role: 'prospect',
    email: text(ansprechpartner.email),
    firstName: text(ansprechpartner.vorname),
    lastName: text(ansprechpartner.nachname),
    companyName: text(firma.name),
    address: postalAddress({
      street: text(firma.strasse),
      zip: text(firma.plz),
      city: text(firma.ort),
    }),
    taxId: text(firma.ust_id),
  };
}

/** form.ebook.kauf.submit: the buyer is a customer. */
export function fromEbookKauf(form: EbookKaufForm): CustomerUpdate {
  const { kaeufer } = form;
  const address = kaeufer.rechnungsadresse;
  return {
    ref: campusRef(kaeufer.email),
    role: 'customer',
    email: text(kaeufer.email),
    firstName: text(kaeufer.vorname),
    lastName: text(kaeufer.nachname),
    address: postalAddress({
      street: text(address.strasse),
      zip: text(address.plz),
      city: text(address.ort),
      country: text(address.land),
    }),
  };
}
