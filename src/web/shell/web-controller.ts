import { applyDecorators, Controller, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageLocalsInterceptor } from './page-locals.interceptor';

/**
 * A controller of web pages: kept out of the OpenAPI description (that documents the JSON API), and
 * every view it renders gets the layout's values (user, navigation, session timeout, csrfToken).
 */
export const WebController = (prefix = '') =>
  applyDecorators(Controller(prefix), ApiExcludeController(), UseInterceptors(PageLocalsInterceptor));
