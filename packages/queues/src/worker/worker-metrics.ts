import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface WorkerMetrics {
  registry: Registry;
  jobs: Counter<'queue' | 'name' | 'outcome'>;
  duration: Histogram<'queue' | 'name'>;
}

export function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    jobs: new Counter({
      name: 'campus_jobs_total',
      help: 'Job attempts by queue, job name and outcome (completed, retry, rate_limited, failed).',
      labelNames: ['queue', 'name', 'outcome'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'campus_job_duration_seconds',
      help: 'Time a job attempt took.',
      labelNames: ['queue', 'name'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}
