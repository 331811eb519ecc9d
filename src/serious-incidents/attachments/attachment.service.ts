import {
  BadRequestException,
  Injectable,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import type { AuthenticatedUser } from '../../identity/permissions';
import { IncidentAccess, NOTIFIER_ROLES, PARTNERSHIP_ROLES, UUID } from '../incident-access.service';
import { IncidentAttachment } from '../incident-attachment.entity';
import { incidentOrganisationIds } from '../incident-organisations';
import { attachmentView } from '../incident-view';
import { checkAttachment, safeFilename } from './file-type';

/** What the upload middleware hands over. */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Attachments to a notification. Content goes to PostgreSQL, or to ATTACHMENTS_DIR when set; either way
 * its SHA-256 is kept and checked on every download, so a damaged or altered file is never served.
 */
@Injectable()
export class AttachmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async add(
    id: string,
    file: UploadedFile | undefined,
    description: string | undefined,
    user: AuthenticatedUser,
  ) {
    const directory = this.config.ATTACHMENTS_DIR;
    return this.dataSource.transaction(async (m) => {
      const incident = await this.access.act(m, id, user, [...NOTIFIER_ROLES, ...PARTNERSHIP_ROLES]);
      if (!file || file.size === 0) throw new BadRequestException(['file must be attached and not empty']);
      if (file.size > this.config.ATTACHMENT_MAX_BYTES) {
        throw new PayloadTooLargeException(`file must be at most ${this.config.ATTACHMENT_MAX_BYTES} bytes`);
      }
      const filename = safeFilename(file.originalname);
      const check = checkAttachment(filename, file.buffer);
      if (!check.ok) throw new BadRequestException([check.problem]);
      const attachmentId = randomUUID();
      const storagePath = directory ? join(incident.id, attachmentId) : null;
      const record = m.create(IncidentAttachment, {
        id: attachmentId,
        incidentId: incident.id,
        filename,
        contentType: check.allowed.contentType,
        sizeBytes: file.size,
        sha256: sha256(file.buffer),
        content: storagePath ? null : file.buffer,
        storagePath,
        description: description?.trim() || null,
        uploadedByUserId: user.id,
      });
      if (directory && storagePath) {
        await mkdir(resolve(directory, incident.id), { recursive: true });
        await writeFile(resolve(directory, storagePath), file.buffer, { flag: 'wx' });
      }
      try {
        await m.save(record);
        await this.audit.record(
          {
            action: 'si.attachment-add',
            actor: user,
            caseId: incident.id,
            organisationIds: incidentOrganisationIds(incident),
            details: {
              attachmentId,
              contentType: record.contentType,
              sizeBytes: record.sizeBytes,
              sha256: record.sha256,
            },
          },
          m,
        );
      } catch (error) {
        if (directory && storagePath) await rm(resolve(directory, storagePath), { force: true });
        throw error;
      }
      return attachmentView(record);
    });
  }

  async download(id: string, attachmentId: string, user: AuthenticatedUser) {
    const m = this.dataSource.manager;
    const incident = await this.access.read(m, id, user);
    const attachment = UUID.test(attachmentId)
      ? await m
          .getRepository(IncidentAttachment)
          .createQueryBuilder('a')
          .addSelect(['a.content', 'a.storagePath'])
          .where('a.id = :attachmentId AND a.incidentId = :id', { attachmentId, id: incident.id })
          .getOne()
      : null;
    if (!attachment) throw new NotFoundException('No attachment with this id on this incident');
    const content = attachment.storagePath
      ? await readFile(resolve(this.config.ATTACHMENTS_DIR ?? '.', attachment.storagePath))
      : attachment.content!;
    if (sha256(content) !== attachment.sha256) {
      throw new InternalServerErrorException('The stored file does not match its checksum and was not sent');
    }
    await this.audit.record({
      action: 'case.read',
      actor: user,
      caseId: incident.id,
      organisationIds: incidentOrganisationIds(incident),
      details: { caseType: 'si', part: 'attachment', attachmentId },
    });
    return { attachment, content };
  }
}
