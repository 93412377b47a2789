import type { CustomerRecord } from '@campus/customer-directory';
import { composeMail, type ComposedMail } from '@campus/mailer';

export interface FreigabeMail {
  to: string;
  contractNumber: string;
  customer: CustomerRecord;
  approveUrl: string;
}

/** The mail with the PayPal approval link, addressed by the customer's name where known. */
export function composeFreigabeMail(mail: FreigabeMail): ComposedMail<'paypal_freigabe'> {
  const name = [mail.customer.firstName, mail.customer.lastName].filter(Boolean).join(' ');
  return composeMail('paypal_freigabe', {
    to: mail.to,
    vars: {
      freigabe_link: mail.approveUrl,
      vertrag_nr: mail.contractNumber,
      ...(name ? { kunde_name: name } : {}),
    },
  });
}
