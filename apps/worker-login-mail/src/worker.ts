import { defineWorker } from '@campus/queues';
import type { LoginMailDeps } from './deps.js';
import { handleCampusFormLoginMagicCodeRequest } from './handlers/campus-form-login-magic-code-request.js';

/** The login-mail queue's worker: one handler, for `form.login.magic_code.request`. */
export function createLoginMailWorker(deps: LoginMailDeps) {
  return defineWorker({
    queue: 'login-mail',
    events: {
      'campus.form.login.magic_code.request': handleCampusFormLoginMagicCodeRequest(deps),
    },
  });
}
