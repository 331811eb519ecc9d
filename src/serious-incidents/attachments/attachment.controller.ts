import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Res,
  UploadedFile as Uploaded,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../../identity/permissions';
import { READERS } from '../notification.controller';
import { AttachmentBodyDto } from './attachment.dto';
import { AttachmentService, UploadedFile } from './attachment.service';
import { ALLOWED_TYPES } from './file-type';

@ApiTags('serious incidents')
@ApiBearerAuth()
@Controller('api/serious-incidents/:id/attachments')
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post()
  @Permission('la-notifier', 'dcs', 'safeguarding-partner', 'partnership-manager')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: ALLOWED_TYPES.map((t) => t.type).join(', ') },
        description: { type: 'string' },
      },
    },
  })
  @ApiOperation({ summary: 'Attach a file (type checked by content; size limited by ATTACHMENT_MAX_BYTES)' })
  add(
    @Param('id') id: string,
    @Uploaded() file: UploadedFile | undefined,
    @Body() body: AttachmentBodyDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.attachments.add(id, file, body.description, user);
  }

  @Get(':attachmentId')
  @Permission(...READERS)
  @ApiOperation({ summary: 'Download an attachment; its checksum is verified first' })
  async download(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.download(id, attachmentId, user);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${attachment.filename}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Digest', `sha-256=${Buffer.from(attachment.sha256, 'hex').toString('base64')}`);
    res.send(content);
  }
}
