import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsIsoDate } from '../../calendar/is-iso-date.validator';

export class CreateNationalReviewDto {
  @ApiProperty({
    enum: ['case', 'thematic'],
    description: 'One incident, or a theme across several (WT 412–417)',
  })
  @IsIn(['case', 'thematic'], { message: 'kind must be case or thematic' })
  kind!: 'case' | 'thematic';

  @ApiProperty({ example: 'Safeguarding children with disabilities in residential settings' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: [String], description: 'The serious incidents it covers' })
  @IsArray()
  @ArrayMinSize(1, { message: 'incidentIds must name at least one incident' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'incidentIds must contain incident ids (UUIDs)' })
  incidentIds!: string[];

  @ApiProperty({ description: "The date of the Panel's decision to carry out the review" })
  @IsIsoDate()
  decidedOn!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'scope must describe what the review covers' })
  @MaxLength(20000)
  scope!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reviewerName?: string;
}

export class UpdateNationalReviewDto {
  @ApiProperty()
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  scope?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reviewerName?: string;

  @ApiPropertyOptional({ description: 'Starts SI-NATIONAL-PREPUB, 7 working days before' })
  @IsOptional()
  @IsIsoDate()
  plannedPublicationDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  sentToSecretaryOfStateOn?: string;

  @ApiPropertyOptional({ description: 'Meets SI-NATIONAL-COMPLETE and starts SI-NATIONAL-AVAILABLE' })
  @IsOptional()
  @IsIsoDate()
  publishedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'publicationUrl must be an http(s) URL' },
  )
  @MaxLength(1000)
  publicationUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  delayReason?: string;
}
