import { SetMetadata } from '@nestjs/common';
import type { AuthenticatedUser, Role } from '../../identity/permissions';

export const NAV_ITEM = 'web:nav-item';
export const ADMIN_SECTION = 'web:admin-section';
export const WORK_QUEUE_PANEL = 'web:work-queue-panel';
export const CASE_SEARCH = 'web:case-search';

/** A link in the service navigation, shown to users holding one of `roles` (every signed-in user if none). */
export interface NavItemOptions {
  text: string;
  href: string;
  roles?: readonly Role[];
  /** Position: 0 My work, 10 Inbox, 20 child deaths, 30 serious incidents, 80 Search, 90 Administration. */
  order: number;
}

/** Put on a page controller, or one of its page methods, to give it a navigation link. */
export const NavItem = (options: NavItemOptions) => SetMetadata(NAV_ITEM, options);

/** An entry on the Administration index page (`/admin`), shown to users holding one of `roles`. */
export interface AdminSectionOptions {
  title: string;
  href: string;
  description: string;
  roles: readonly Role[];
  order: number;
}

/** Put on an admin page controller to list it on the Administration page. */
export const AdminSection = (options: AdminSectionOptions) => SetMetadata(ADMIN_SECTION, options);

/** One line of a work-queue panel: a count that links to the filtered list behind it. */
export interface WorkQueueItem {
  text: string;
  count: number;
  href: string;
  /** Overdue work is shown in red so it stands out. */
  urgent?: boolean;
}

export interface WorkQueuePanelView {
  title: string;
  items: WorkQueueItem[];
  /** Shown under the counts, for example a link to the full list. */
  link?: { text: string; href: string };
}

/**
 * A capability's contribution to the "My work" page. `panel` runs for each user whose roles include one
 * of `roles`, and must count only what that user may see. Returning null hides the panel.
 */
export interface WorkQueuePanelProvider {
  readonly roles: readonly Role[];
  /** Position among the panels of a role's page; lower first. */
  readonly order: number;
  panel(user: AuthenticatedUser, role: Role): Promise<WorkQueuePanelView | null>;
}

/** Mark an @Injectable() implementing WorkQueuePanelProvider; the home page finds it by itself. */
export const WorkQueuePanel = () => SetMetadata(WORK_QUEUE_PANEL, true);

export interface CaseSearchResult {
  reference: string;
  /** What the result is: 'Child death', 'Serious incident'. */
  kind: string;
  /** A short description the user may see (for example the child's name for a case they can open). */
  summary: string;
  href: string;
}

/**
 * Finds cases for the search page by reference, NHS number or name. It must return only cases the user
 * may see (the access rules in src/identity decide), and must never log the query.
 */
export interface CaseSearchProvider {
  readonly kind: string;
  search(user: AuthenticatedUser, query: string): Promise<CaseSearchResult[]>;
}

/** Mark an @Injectable() implementing CaseSearchProvider; the search page finds it by itself. */
export const CaseSearch = () => SetMetadata(CASE_SEARCH, true);
