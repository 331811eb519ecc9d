import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Events by this user' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id (UUID)' })
  userId?: string;

  @ApiPropertyOptional({ description: 'Events about this case: its access history' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  caseId?: string;

  @ApiPropertyOptional({ example: 'case.read' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/, {
    message: 'action must be a dotted action name such as case.read',
  })
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({
    description: 'YYYY-MM-DD (from the start of that London day) or an ISO 8601 instant',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'from must be YYYY-MM-DD or an ISO 8601 instant with offset' })
  from?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (to the end of that London day) or an ISO 8601 instant' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'to must be YYYY-MM-DD or an ISO 8601 instant with offset' })
  to?: string;

  @ApiPropertyOptional({ description: 'At most this many events (default 500, at most 5000)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(5000)
  limit?: number;
}
