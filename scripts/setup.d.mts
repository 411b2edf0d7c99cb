/** Types of the pure decisions scripts/setup.mjs exports (the script itself is plain JavaScript). */

export type Purpose = 'start' | 'test';

export interface SystemNeed {
  apt: string;
  fact: 'cxx' | 'python3' | 'chromium' | 'initdb';
  purposes: Purpose[];
  buildOnly: boolean;
  blocking: boolean;
  why: string;
}

export const STAMP_NAME: string;
export const SYSTEM_NEEDS: SystemNeed[];

export function missingSystemPackages(
  purpose: Purpose,
  facts: Record<SystemNeed['fact'], boolean>,
  when: { installingModules: boolean },
): SystemNeed[];

export function aptAccess(machine: {
  hasApt: boolean;
  isRoot: boolean;
  sudoWorks: () => boolean;
}): 'root' | 'sudo' | 'none';

export function installDecision(state: {
  hasNodeModules: boolean;
  stamp: { lock?: string; abi?: string } | null;
  lockHash: string;
  abi: string;
  lockMtimeMs: number;
  hiddenLockMtimeMs: number | null;
}): { install: boolean; restamp: boolean; reason: string };

export function installEnvironment(machine: {
  platform: string;
  env: Record<string, string | undefined>;
  nodeMajor: number;
  systemHeadersMajor: number | null;
}): { env: Record<string, string>; skipElectron: boolean; notes: string[] };

export function electronPostinstallFailed(output: string): boolean;

export function headersMajor(nodeVersionH: string): number | null;
