import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { conversation, message, presentConversation, presentMessage } from '../presenters/messages.ts';
import { getConversation } from '../use-cases/get-conversation.ts';
import { postMessage, postMessageInput } from '../use-cases/post-message.ts';

export const conversationOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'listFileMessages',
    method: 'get',
    path: '/applications/{id}/messages',
    summary:
      'The file’s thread between the retailer, their expert and the program team, newest last, with read receipts; reading it marks it read for the caller',
    tag: 'conversations',
    access: 'user',
    response: conversation,
    handle: async (ctx, { params }) => presentConversation(await getConversation(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'postFileMessage',
    method: 'post',
    path: '/applications/{id}/messages',
    summary:
      'Writes in the file’s thread (`body`: plain text, 4,000 characters at most); the other side is told by e-mail, without the message, once until they read it',
    tag: 'conversations',
    access: 'user',
    body: postMessageInput,
    response: message,
    successStatus: 201,
    handle: async (ctx, { params, body }) => presentMessage(await postMessage(ctx, params.id!, body)),
  }),
];
