import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { organisationProblems } from './organisation-rules';
import { Organisation } from './organisation.entity';
import type { CreateOrganisationDto } from './organisation.dto';
import type { AuthenticatedUser } from './permissions';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** `actor` is null only for the system itself (demo data, tests). */
  async create(input: CreateOrganisationDto, actor: AuthenticatedUser | null): Promise<Organisation> {
    return this.dataSource.transaction(async (m) => {
      const referenced = [...(input.coversLocalAuthorityIds ?? []), ...(input.partnerOrganisationIds ?? [])];
      const known = referenced.length ? await m.findBy(Organisation, { id: In(referenced) }) : [];
      const problems = organisationProblems(input, new Map(known.map((o) => [o.id, o.type])));
      if (problems.length) throw new BadRequestException(problems);
      const code = input.code?.trim() || null;
      if (code) {
        const clash = await m
          .createQueryBuilder(Organisation, 'o')
          .where('lower(o.code) = lower(:code)', { code })
          .getExists();
        if (clash) throw new ConflictException(`An organisation with code ${code} already exists`);
      }
      const organisation = await m.save(
        m.create(Organisation, {
          name: input.name.trim(),
          type: input.type,
          code,
          coversLocalAuthorityIds: [...new Set(input.coversLocalAuthorityIds ?? [])],
          partnerOrganisationIds: [...new Set(input.partnerOrganisationIds ?? [])],
        }),
      );
      await this.audit.record(
        {
          action: 'admin.organisation-create',
          actor,
          details: { organisationId: organisation.id, type: organisation.type, name: organisation.name },
        },
        m,
      );
      return organisation;
    });
  }

  list(): Promise<Organisation[]> {
    return this.dataSource.getRepository(Organisation).find({ order: { name: 'ASC', createdAt: 'ASC' } });
  }

  async existing(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await this.dataSource.getRepository(Organisation).findBy({ id: In(ids) });
    return new Set(found.map((o) => o.id));
  }
}
