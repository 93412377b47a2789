import type { Queue } from 'bullmq';
import { waitFor } from '@campus/testing';

/** A job that is done: completed, or failed with no attempt left. */
export interface SettledJob {
  state: 'completed' | 'failed';
  /** The last attempt's error, `Name: message` as the dashboard shows it. */
  failedReason: string | undefined;
  /** What the handler returned. */
  returnvalue: unknown;
  attemptsMade: number;
}

/** Polls `queue` until job `jobId` is completed or failed for good. */
export function settledJob(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<SettledJob> {
  return waitFor(
    `job ${jobId} of ${queue.name} to complete or fail for good`,
    async () => {
      // State first: a job read before it finished would lack its result.
      const state = await queue.getJobState(jobId);
      if (state !== 'completed' && state !== 'failed') return undefined;
      const job = await queue.getJob(jobId);
      if (job === undefined) return undefined;
      return {
        state,
        failedReason: job.failedReason || undefined,
        returnvalue: job.returnvalue as unknown,
        attemptsMade: job.attemptsMade,
      } satisfies SettledJob;
    },
    timeoutMs,
  );
}
