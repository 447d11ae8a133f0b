import conversation from '../../content/chat/conversation.json' with { type: 'json' };
import questions from '../../content/chat/questions.json' with { type: 'json' };
import form from '../../content/chat/form.json' with { type: 'json' };
import { wordsSchema, type Words } from '../schemas/chat-words.ts';
import { parseContentFile } from './validation.ts';

/** Every word the chat says, checked when the site is built. */
export const chatWords: Words = {
  ...parseContentFile(wordsSchema, 'chat words', 'content/chat/conversation.json', conversation),
  ...parseContentFile(wordsSchema, 'chat words', 'content/chat/questions.json', questions),
  ...parseContentFile(wordsSchema, 'chat words', 'content/chat/form.json', form),
};
