import express, { type Request, type Response, type Router } from 'express';
import type { FakturiaCustomerRecord, FakturiaState } from './fakturia-state.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { createHash } from 'node:crypto';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** Seeds and read-backs of the Fakturia stand-in: mount at `/_control/fakturia`. */
export function createFakturiaControl(state: FakturiaState): Router {
  const router = express.Router();

  router.get('/customers', (_req: Request, res: Response) => {
    res.json([...state.customers.values()]);
  });

  // `{customers: [Customer…]}`: each needs its customerNumber; a number seeded again is replaced.
  router.post('/customers', (req: Request, res: Response) => {
    const customers = (req.body as { customers?: unknown } | undefined)?.customers;
    if (
      !Array.isArray(customers) ||
      !customers.every((c) => isRecord(c) && nonEmpty(c.customerNumber))
    ) {
      res.status(400).json({ message: 'customers must be [{customerNumber, …Customer fields}]' });
      return;
    }
    for (const customer of customers as FakturiaCustomerRecord[]) {
      state.customers.set(customer.customerNumber, customer);
    }
    res.status(201).json({ customers: state.customers.size });
  });

  router.delete('/customers/:customerNumber', (req: Request, res: Response) => {
    res.status(state.customers.delete(String(req.params.customerNumber)) ? 204 : 404).end();
  });

  // `{invoices: [{invoiceNumber, lines?}]}`: a small real PDF is made for each.
  router.post('/invoices', async (req: Request, res: Response) => {
    const invoices = (req.body as { invoices?: unknown } | undefined)?.invoices;
    if (
      !Array.isArray(invoices) ||
      !invoices.every((i) => isRecord(i) && nonEmpty(i.invoiceNumber))
    ) {
      res.status(400).json({ message: 'invoices must be [{invoiceNumber, lines?}]' });
      return;
    }
    for (const invoice of invoices as { invoiceNumber: string; lines?: unknown }[]) {
      const lines = Array.isArray(invoice.lines) ? invoice.lines.map(String) : [];
      state.documents.set(invoice.invoiceNumber, {
        invoiceNumber: invoice.invoiceNumber,
        pdf: await renderInvoicePdf(invoice.invoiceNumber, lines),
      });
    }
    res.status(201).json(documentList(state));
  });

  router.get('/invoices', (_req: Request, res: Response) => {
    res.json(documentList(state));
  });

  // `{apiKey}`: the key the stand-in accepts from now on (until reset).
  router.post('/api-key', (req: Request, res: Response) => {
    const apiKey = (req.body as { apiKey?: unknown } | undefined)?.apiKey;
    if (!nonEmpty(apiKey)) {
      res.status(400).json({ message: 'apiKey must be a non-empty string' });
      return;
    }
    state.apiKey = apiKey;
    res.json({ changed: true });
  });

  return router;
}

function documentList(state: FakturiaState) {
  return [...state.documents.values()].map((d) => ({
    invoiceNumber: d.invoiceNumber,
    bytes: d.pdf.length,
    sha256: createHash('sha256').update(d.pdf).digest('hex'),
  }));
}
