import type { ArticleEvent } from './article.events.js';
import type { ArticleState } from './article.state.js';

export function evolveArticle(state: ArticleState, event: ArticleEvent): ArticleState {
  switch (event.type) {
    case 'ArticleCreated':
      return { kind: 'present', article: event.data.article, feedback: {} };
    case 'ArticleDeleted':
      return { kind: 'deleted' };
  }
  if (state.kind !== 'present') return state;
  switch (event.type) {
    case 'ArticleRevised':
      return { ...state, article: { ...state.article, ...event.data.changes } };
    case 'ArticleViewed':
      return { ...state, article: { ...state.article, views: event.data.views } };
    case 'ArticleFeedbackGiven':
      return { ...state, feedback: { ...state.feedback, [event.data.user]: event.data.feedback } };
  }
}
