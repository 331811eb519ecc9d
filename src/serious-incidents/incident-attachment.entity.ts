import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';

/** A file attached to a notification, kept in PostgreSQL or under ATTACHMENTS_DIR, with its checksum. */
@Entity('si_attachment')
export class IncidentAttachment extends BaseRecord {
  @Column('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Column('text')
  filename!: string;

  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes!: number;

  /** Hex SHA-256 of the content, checked again on every download. */
  @Column('text')
  sha256!: string;

  @Column('bytea', { nullable: true, select: false })
  content!: Buffer | null;

  /** Relative to ATTACHMENTS_DIR. */
  @Column('text', { name: 'storage_path', nullable: true, select: false })
  storagePath!: string | null;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('uuid', { name: 'uploaded_by_user_id', nullable: true })
  uploadedByUserId!: string | null;
}
