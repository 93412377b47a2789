import express, { type Request, type Response, type Router } from 'express';
import { page } from '../http/html.js';
import { renderInbox, renderMail } from './mail-pages.js';
import { mailToJson, type MailStore } from './mail-store.js';

const notFound = page(
  'Nicht gefunden',
  '<p><a href="/mail">← Posteingang</a></p><p>Diese E-Mail gibt es nicht.</p>',
);

/** The inbox pages: mount at `/mail`. */
export function createMailPages(store: MailStore): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    // Mail HTML is untrusted: no scripts, no remote loads from these pages.
    res.set(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
    );
    next();
  });
  router.get('/', (_req: Request, res: Response) => {
    res.type('html').send(renderInbox(store.list()));
  });
  router.get('/:id', (req: Request, res: Response) => {
    const mail = store.get(String(req.params.id));
    if (!mail) {
      res.status(404).type('html').send(notFound);
      return;
    }
    res.type('html').send(renderMail(mail));
  });
  router.get('/:id/attachments/:index', (req: Request, res: Response) => {
    const attachment = store.get(String(req.params.id))?.attachments[Number(req.params.index)];
    if (!attachment) {
      res.status(404).type('html').send(notFound);
      return;
    }
    res.attachment(attachment.filename).type(attachment.contentType).send(attachment.content);
  });
  return router;
}

/** `GET /_control/mail[?to=address]`: the received mails as JSON. */
export function createMailControl(store: MailStore): Router {
  const router = express.Router();
  router.get('/', (req: Request, res: Response) => {
    const to = typeof req.query.to === 'string' ? req.query.to.toLowerCase() : undefined;
    const mails = store
      .list()
      .filter(
        (m) => !to || [...m.to, ...m.cc, ...m.envelope.to].some((a) => a.toLowerCase() === to),
      );
    res.json(mails.map(mailToJson));
  });
  router.delete('/', (_req: Request, res: Response) => {
    store.clear();
    res.status(204).end();
  });
  return router;
}
