import { defineWorker } from '@campus/queues';
import { createLoginCodeHandler, type LoginMailDeps } from './send-login-code.js';

/** The login-mail queue's worker: one handler, for `form.login.magic_code.request`. */
export function createLoginMailWorker(deps: LoginMailDeps) {
  return defineWorker({
    queue: 'login-mail',
    events: {
      'campus.form.login.magic_code.request': createLoginCodeHandler(deps),
    },
  });
}
