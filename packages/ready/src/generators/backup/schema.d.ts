import { BackupOptions } from '../../features/backup/plan';

export interface BackupGeneratorSchema extends BackupOptions {
  project: string;
  engine?: 'postgres';
  provider?: 'github' | 'gitlab';
  skipFormat?: boolean;
  skipInstall?: boolean;
}
