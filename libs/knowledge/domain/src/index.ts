export * from './knowledge-refusal.js';
export * from './article/article.state.js';
export * from './article/article.events.js';
export * from './article/article.evolve.js';
export * from './article/article.decide.js';
export * from './category/category.js';
export * from './saved-reply/saved-reply.js';
export * from './saved-reply/saved-reply-visibility.js';
