import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, Public } from '../../identity/permissions';
import { LinkQuery, LinkReturnDto, ReturnFormDto } from '../dto/information.dto';
import { AGENCY_STAFF, idPipe } from '../ids';
import { ReportingFormsService } from '../reporting-forms.service';

@ApiTags('reporting forms')
@Controller('api')
export class ReportingFormsController {
  constructor(private readonly forms: ReportingFormsService) {}

  @Get('reporting-forms')
  @ApiBearerAuth()
  @Permission(...AGENCY_STAFF)
  @ApiOperation({ summary: 'Reporting forms asked of your agency, outstanding first' })
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.forms.mine(user);
  }

  @Get('reporting-forms/:requestId')
  @ApiBearerAuth()
  @Permission(...AGENCY_STAFF)
  @ApiOperation({
    summary: 'Open a form asked of your agency (or, for the CDOP administrator, one of their cases)',
  })
  open(
    @Param('requestId', idPipe('reporting form')) requestId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.forms.openForUser(user, requestId);
  }

  @Post('reporting-forms/:requestId/return')
  @HttpCode(200)
  @ApiBearerAuth()
  @Permission(...AGENCY_STAFF)
  @ApiOperation({ summary: 'Return the completed form; meets its CDR-AGENCY-RETURN clock' })
  submit(
    @Param('requestId', idPipe('reporting form')) requestId: string,
    @Body() body: ReturnFormDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.forms.returnForUser(user, requestId, body);
  }

  @Get('reporting-form-links')
  @Public()
  @ApiOperation({
    summary: 'Open the one form a single-use link grants (the token in the query, kept out of logs)',
    description: '404 for a link that opens nothing; 410 once it has expired or the form was returned.',
  })
  openByLink(@Query() query: LinkQuery) {
    return this.forms.openByLink(query.token);
  }

  @Post('reporting-form-links/return')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Return the form the link grants; the link then stops working' })
  submitByLink(@Body() body: LinkReturnDto) {
    const { token, ...form } = body;
    return this.forms.returnByLink(token, form);
  }
}
