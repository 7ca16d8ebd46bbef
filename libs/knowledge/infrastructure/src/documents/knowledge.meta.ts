import { textNamedMeta } from '@helpdesk/shared-frappe-query';

export const ARTICLE_META = textNamedMeta('HD Article', 'knowledge.hd_article', 'modified desc', [
  { fieldname: 'title', fieldtype: 'Data' },
  { fieldname: 'title_slug', fieldtype: 'Data' },
  { fieldname: 'category', fieldtype: 'Link', options: 'HD Article Category' },
  { fieldname: 'content', fieldtype: 'Text Editor' },
  { fieldname: 'author', fieldtype: 'Link', options: 'User' },
  { fieldname: 'status', fieldtype: 'Select', inStandardFilter: true },
  { fieldname: 'published_on', fieldtype: 'Datetime' },
  { fieldname: 'views', fieldtype: 'Int' },
]);

export const CATEGORY_META = textNamedMeta(
  'HD Article Category',
  'knowledge.hd_article_category',
  'modified desc',
  [
    { fieldname: 'category_name', fieldtype: 'Data' },
    { fieldname: 'description', fieldtype: 'Text' },
    { fieldname: 'icon', fieldtype: 'Data' },
  ],
);

export const FEEDBACK_META = textNamedMeta(
  'HD Article Feedback',
  'knowledge.hd_article_feedback',
  'modified desc',
  [
    { fieldname: 'article', fieldtype: 'Link', options: 'HD Article' },
    { fieldname: 'user', fieldtype: 'Link', options: 'User', column: 'reader' },
    { fieldname: 'feedback', fieldtype: 'Select' },
  ],
);

/** `teams` is a child table: it comes with the whole document, not as a list field. */
export const SAVED_REPLY_META = textNamedMeta(
  'HD Saved Reply',
  'knowledge.hd_saved_reply',
  'modified desc',
  [
    { fieldname: 'title', fieldtype: 'Data' },
    { fieldname: 'message', fieldtype: 'Text Editor' },
    { fieldname: 'scope', fieldtype: 'Select', inStandardFilter: true },
  ],
);
