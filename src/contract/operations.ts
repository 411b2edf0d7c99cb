import type { z } from 'zod';
import { adminOperations } from './admin';
import { armingOperations } from './arming';
import { backupOperations } from './backups';
import { exportOperations } from './exports';
import { feedbackOperations } from './feedback';
import { kioskOperations } from './kiosk';
import { lanOperations } from './lan';
import { periodicReportOperations } from './periodicReport';
import { reportOperations } from './reports';
import { shellOperations } from './shell';
import { supportOperations } from './support';
import { surveyOperations } from './survey';
import { syncOperations } from './sync';
import { targetOperations } from './targets';
import { downloadOperations } from './downloads';
import { systemOperations } from './system';

/**
 * The operation table: every operation the UI can call, with the role allowed to
 * call it and its zod input and output. Both hosts (Electron IPC and HTTP) bind
 * exactly this table, so adding an operation means one row here and one service
 * function in src/app/implementations.ts.
 */
export const operations = {
  ...systemOperations,
  ...kioskOperations,
  ...surveyOperations,
  ...reportOperations,
  ...periodicReportOperations,
  ...armingOperations,
  ...feedbackOperations,
  ...adminOperations,
  ...backupOperations,
  ...exportOperations,
  ...syncOperations,
  ...shellOperations,
  ...supportOperations,
  ...lanOperations,
  ...targetOperations,
  ...downloadOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Operations[K]['output']>;

export const operationNames = Object.freeze(Object.keys(operations) as OperationName[]);

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(operations, name);
