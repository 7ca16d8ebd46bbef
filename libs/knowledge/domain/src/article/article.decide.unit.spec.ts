import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KnowledgeRefusal } from '../knowledge-refusal.js';
import {
  decideArticleFeedback,
  decideCreateArticle,
  decideReviseArticle,
  decideViewArticle,
} from './article.decide.js';
import type { ArticleEvent } from './article.events.js';
import { evolveArticle } from './article.evolve.js';
import { initialArticleState, type ArticleState } from './article.state.js';

const AUTHOR = { user: 'writer@example.com', now: '2026-11-20T09:00:00.000Z' };
const LATER = { user: 'editor@example.com', now: '2026-11-21T10:00:00.000Z' };

function given(...events: ArticleEvent[]): ArticleState {
  return events.reduce(evolveArticle, initialArticleState);
}

const draft = (): ArticleEvent[] =>
  decideCreateArticle(
    initialArticleState,
    { name: 'a1', title: 'Reset Your Password', category: 'c1', content: '<p>Steps</p>' },
    AUTHOR,
  );

describe('HD Article decisions', () => {
  it('a new article is a draft by its author, slugged, unpublished and unseen', () => {
    const [created] = draft();
    assert.equal(created?.type, 'ArticleCreated');
    assert.deepEqual(created?.type === 'ArticleCreated' && created.data.article, {
      name: 'a1',
      title: 'Reset Your Password',
      title_slug: 'reset-your-password',
      category: 'c1',
      content: '<p>Steps</p>',
      author: 'writer@example.com',
      status: 'Draft',
      published_on: null,
      views: 0,
    });
  });

  it('publishing stamps published_on; back to Draft clears it', () => {
    const state = given(...draft());
    const [published] = decideReviseArticle(state, { status: 'Published' }, LATER);
    assert.deepEqual(published?.data, {
      at: LATER.now,
      by: LATER.user,
      changes: { status: 'Published', published_on: LATER.now },
    });
    const after = given(...draft(), published!);
    const [drafted] = decideReviseArticle(after, { status: 'Draft' }, LATER);
    assert.deepEqual(drafted?.type === 'ArticleRevised' && drafted.data.changes, {
      status: 'Draft',
      published_on: null,
    });
  });

  it('a published article needs content, tags alone are not content', () => {
    const state = given(...draft());
    assert.throws(
      () => decideReviseArticle(state, { status: 'Published', content: '<p> </p>' }, LATER),
      (error: unknown) =>
        error instanceof KnowledgeRefusal &&
        error.message === 'Published articles must have content.',
    );
  });

  it('archiving takes the article out of its category', () => {
    const [archived] = decideReviseArticle(given(...draft()), { status: 'Archived' }, LATER);
    assert.deepEqual(archived?.type === 'ArticleRevised' && archived.data.changes, {
      status: 'Archived',
      category: null,
    });
  });

  it('saving what is already there records nothing', () => {
    assert.deepEqual(
      decideReviseArticle(given(...draft()), { title: 'Reset Your Password' }, LATER),
      [],
    );
  });

  it('views count up one at a time; feedback is per reader and idempotent', () => {
    const state = given(...draft());
    const [viewed] = decideViewArticle(state, LATER);
    assert.deepEqual(viewed?.type === 'ArticleViewed' && viewed.data.views, 1);
    const [liked] = decideArticleFeedback(state, 1, LATER);
    assert.equal(liked?.type, 'ArticleFeedbackGiven');
    assert.deepEqual(decideArticleFeedback(given(...draft(), liked!), 1, LATER), []);
    assert.throws(() => decideArticleFeedback(state, 3, LATER), KnowledgeRefusal);
  });

  it('refuses a missing title and an unknown status', () => {
    assert.throws(
      () => decideCreateArticle(initialArticleState, { name: 'a2', title: ' ' }, AUTHOR),
      (error: unknown) => error instanceof KnowledgeRefusal && error.kind === 'MandatoryError',
    );
    assert.throws(
      () => decideReviseArticle(given(...draft()), { status: 'Live' as never }, LATER),
      (error: unknown) => error instanceof KnowledgeRefusal && error.kind === 'ValidationError',
    );
  });
});
