/**
 * Starts one throwaway PostgreSQL cluster for the whole server suite; each test file creates its
 * own database in it. No PostgreSQL, no suite: startPostgresCluster throws and the run fails.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../support/postgresCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
