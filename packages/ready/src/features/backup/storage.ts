import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { ReadyError, firstLine } from '../../utils/errors';
import { loadBackupPackage } from './packages';

export interface StorageSettings {
  bucket: string;
  /** Key prefix of this project's backups, ending with "/". */
  prefix: string;
  /** An S3-compatible endpoint (R2, MinIO, …); AWS S3 when absent. */
  endpoint?: string;
  region: string;
}

export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date | null;
}

/**
 * The project's backups in S3-compatible storage, through the AWS SDK. Credentials come only from
 * the SDK's usual sources (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, a role), never
 * from options or files of ours.
 */
export class BackupStorage {
  private constructor(
    private readonly client: S3Client,
    private readonly sdk: typeof import('@aws-sdk/client-s3'),
    readonly settings: StorageSettings,
  ) {}

  /** The storage a db-backup / db-restore-verify target's options name (region us-east-1 when they name none). */
  static fromOptions(o: { bucket: string; prefix: string; endpoint?: string; region?: string }): Promise<BackupStorage> {
    return BackupStorage.open({ bucket: o.bucket, prefix: o.prefix, endpoint: o.endpoint, region: o.region ?? 'us-east-1' });
  }

  static async open(settings: StorageSettings): Promise<BackupStorage> {
    // Loaded here: only the backup targets and the backup check talk to storage.
    const sdk = await loadBackupPackage('@aws-sdk/client-s3', () => import('@aws-sdk/client-s3'));
    const client = new sdk.S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    });
    return new BackupStorage(client, sdk, settings);
  }

  /** Where this storage is, for messages: s3://bucket/prefix (endpoint). */
  get where(): string {
    return `s3://${this.settings.bucket}/${this.settings.prefix}${this.settings.endpoint ? ` at ${this.settings.endpoint}` : ''}`;
  }

  async putFile(key: string, file: string, progress: (sent: number) => void = () => undefined): Promise<void> {
    const { Upload } = await loadBackupPackage('@aws-sdk/lib-storage', () => import('@aws-sdk/lib-storage'));
    const upload = new Upload({ client: this.client, params: { Bucket: this.settings.bucket, Key: key, Body: createReadStream(file) } });
    upload.on('httpUploadProgress', (p) => progress(p.loaded ?? 0));
    await this.call(`upload ${key}`, () => upload.done());
  }

  async putText(key: string, text: string): Promise<void> {
    await this.call(`upload ${key}`, () =>
      this.client.send(
        new this.sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: text, ContentType: 'application/json' }),
      ),
    );
  }

  /** The object's text, or null when there is none. */
  async getText(key: string): Promise<string | null> {
    try {
      const out = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return (await out.Body?.transformToString('utf-8')) ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw this.failure(`read ${key}`, error);
    }
  }

  /** Downloads the object to `file`; returns its size and sha256. */
  async getFile(key: string, file: string): Promise<{ size: number; sha256: string }> {
    const out = await this.call(`download ${key}`, () =>
      this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key })),
    );
    const hash = createHash('sha256');
    let size = 0;
    const body = out.Body as Readable;
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(body, createWriteStream(file));
    return { size, sha256: hash.digest('hex') };
  }

  /** Every object under the prefix (all pages). */
  async list(prefix = this.settings.prefix): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.call(`list ${prefix}`, () =>
        this.client.send(new this.sdk.ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: prefix, ContinuationToken: token })),
      );
      for (const o of page.Contents ?? []) if (o.Key) found.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified ?? null });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  async delete(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      await this.call(`delete ${batch.length} object(s)`, () =>
        this.client.send(
          new this.sdk.DeleteObjectsCommand({ Bucket: this.settings.bucket, Delete: { Objects: batch.map((Key) => ({ Key })) } }),
        ),
      );
    }
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.failure(what, error);
    }
  }

  private failure(what: string, error: unknown): ReadyError {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'CredentialsProviderError' || /credential/i.test(firstLine(error))) {
      return new ReadyError(
        `No storage credentials to ${what} in ${this.where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or a profile or role the AWS SDK finds).`,
      );
    }
    if (name === 'NoSuchBucket')
      return new ReadyError(`The bucket ${this.settings.bucket} does not exist (${this.where}): create it, or fix --bucket.`);
    return new ReadyError(`Could not ${what} in ${this.where}: ${firstLine(error)}.`);
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
