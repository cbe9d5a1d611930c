/**
 * Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run, with
 * a template database migrated once. Each test file then gets its own copy
 * (`CREATE DATABASE … TEMPLATE`, a file copy: milliseconds) in initTestApp().
 * Missing binaries fail the run with how to install them; never a skip.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openHubDatabase } from '../../src/database.js';
import { startPostgresCluster } from './postgres-cluster.js';

export const TEMPLATE_DATABASE = 'hub_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { adminUrl: string; urlPrefix: string; template: string };
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const cluster = await startPostgresCluster();
  try {
    await admin(cluster.adminUrl, `create database ${TEMPLATE_DATABASE}`);
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'hub-template-'));
    const db = await openHubDatabase({
      databaseUrl: cluster.urlFor(TEMPLATE_DATABASE),
      dataDir: scratch,
      dbPoolSize: 2,
    });
    try {
      await db.migrate();
      await db.analyze();
    } finally {
      await db.close();
      rmSync(scratch, { recursive: true, force: true });
    }
    // Nobody may connect to the template while copies are made from it.
    await admin(cluster.adminUrl, `alter database ${TEMPLATE_DATABASE} with is_template true allow_connections false`);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide('postgres', {
    adminUrl: cluster.adminUrl,
    urlPrefix: cluster.urlFor(''),
    template: TEMPLATE_DATABASE,
  });
  if (process.env.HUB_TEST_VERBOSE)
    console.log(`PostgreSQL test cluster on port ${cluster.port} ready in ${Date.now() - started} ms`);
  return async () => {
    await cluster.stop();
  };
}
