import { QUARANTINE_QUEUE } from '@campus/events';

/** One state-changing Bull Board request, as the audit log names it. */
export interface BoardAction {
  action: string;
  queue?: string;
  jobId?: string;
  /** For whole-queue retries and cleans: which jobs (failed, completed, …). */
  state?: string;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const QUEUE_ACTIONS = new Set([
  'add',
  'promote',
  'pause',
  'resume',
  'empty',
  'obliterate',
  'concurrency',
  'rate-limit',
]);

/**
 * What a Bull Board API request does, read from its path (relative to
 * `/queues`) in the order Bull Board's own router matches them
 * (@bull-board/api routes.js). Express matches routes regardless of case,
 * so the action words are read in lower case.
 */
export function describeAction(method: string, path: string): BoardAction {
  const [, , ...segments] = path.split('/').filter(Boolean).map(decode); // api, queues, …
  const [queue, jobId] = segments;
  const rest = segments.map((s) => s.toLowerCase());
  const [, first, second, third] = rest;
  if (rest.length === 1) return { action: `${rest[0]}-all-queues` };
  if (first === 'job-schedulers') {
    const verb = method === 'PATCH' ? 'update' : (third ?? 'update');
    return { action: `job-scheduler-${verb}`, queue, jobId: segments[2] };
  }
  if (rest.length === 2 && first !== undefined && QUEUE_ACTIONS.has(first))
    return { action: first, queue };
  if (first === 'rate-limit') return { action: 'rate-limit-release', queue };
  if ((first === 'retry' || first === 'clean') && rest.length === 3) {
    return { action: `${first}-all`, queue, state: second };
  }
  return { action: second ?? method.toLowerCase(), queue, jobId };
}

/**
 * Actions that would put data of the operator's making where the workers take
 * it as a sender's: refused, so that no job added or edited by hand can mark
 * anything paid. Undefined when the action may go on.
 */
export function forgingRefusal(method: string, action: BoardAction): string | undefined {
  // Bull Board's one POST is `add`: whatever the path says, a POST adds.
  if (action.action === 'add' || method === 'POST') {
    return 'Adding jobs by hand is switched off: every job comes from a sender through the receiver. To run a delivery again, retry it in the quarantine queue or ask the sender to deliver it again.';
  }
  if (action.action.startsWith('job-scheduler-') && action.action !== 'job-scheduler-remove') {
    return 'Job schedulers create jobs with data of their own: changing or running them is switched off.';
  }
  // PATCH edits a job: its data only in the quarantine, where a replay checks it again.
  const editsData = method === 'PATCH' && !['delay', 'priority'].includes(action.action);
  if (editsData && action.queue !== QUARANTINE_QUEUE) {
    return `The data of a job in ${action.queue ?? 'this queue'} is what the sender delivered and cannot be edited. Fix a payload in the quarantine queue, where a replay checks it again.`;
  }
  return undefined;
}
