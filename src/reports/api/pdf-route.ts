import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse } from '@nestjs/swagger';

/** OpenAPI for a route that answers with a PDF download. */
export const PdfRoute = (summary: string, description?: string) =>
  applyDecorators(
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiProduces('application/pdf'),
    ApiOkResponse({
      description: 'The PDF, as a download (Content-Disposition: attachment) that is never cached',
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    }),
    ApiServiceUnavailableResponse({
      description:
        'No browser to print with, or the PDF took longer than PDF_TIMEOUT_MS: the message says which',
    }),
  );
