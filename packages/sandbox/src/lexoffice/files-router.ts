/**
 * `GET /v1/files/{id}`, "Download a file", https://developers.lexware.io/docs/
 * (Files Endpoint): the file's bytes with its `Content-Type`, `Content-Length`
 * and `Content-Disposition` (a live account names it `{id}.{extension}`,
 * github.com/benethos-hub/lexware-office-mcp client.py `file`). The `Accept`
 * header picks the representation; a type the file is not in is refused
 * (406). The files endpoint answers with the legacy error.
 */
import express, { type Request, type Response, type Router } from 'express';
import { issue, legacyError } from './lexoffice-errors.js';
import type { LexofficeState, StoredFile } from './lexoffice-state.js';

function acceptable(file: StoredFile, accept: string | undefined): boolean {
  if (!accept) return true;
  const [major] = file.contentType.split('/');
  return accept
    .split(',')
    .map((range) => range.split(';')[0]!.trim().toLowerCase())
    .some((range) => range === '*/*' || range === `${major}/*` || range === file.contentType);
}

export function createFilesRouter(state: LexofficeState): Router {
  const router = express.Router();
  router.get('/v1/files/:id', (req: Request, res: Response) => {
    const file = state.files.get(String(req.params.id));
    if (!file) return res.status(404).json(legacyError([issue('not_found', 'id', 'not_found')]));
    if (!acceptable(file, req.get('accept')))
      return res.status(406).json(legacyError([issue('invalid_value', 'Accept')]));
    const extension =
      file.contentType.split('/')[1] === 'jpeg' ? 'jpg' : file.contentType.split('/')[1];
    return res
      .status(200)
      .type(file.contentType)
      .set('content-disposition', `attachment; filename="${file.id}.${extension}"`)
      .send(file.data);
  });
  return router;
}
