import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  audience,
  message,
  messagePage,
  presentMessage,
  presentMessagePage,
} from '../presenters/messages.ts';
import { getMessage } from '../use-cases/get-message.ts';
import { listMessages, listMessagesInput } from '../use-cases/list-messages.ts';
import { audienceInput, messageInput } from '../use-cases/message-input.ts';
import { previewAudience } from '../use-cases/preview-audience.ts';
import { sendMessage } from '../use-cases/send-message.ts';

export const outreachOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'previewMessageAudience',
    method: 'post',
    path: '/messages/preview',
    summary:
      'How many people a message of this kind to this segment would reach now, and how many a newsletter leaves out for lack of consent',
    tag: 'outreach',
    access: 'user',
    body: audienceInput,
    response: audience,
    handle: (ctx, { body }) => previewAudience(ctx, body),
  }),
  defineOperation({
    operationId: 'sendMessage',
    method: 'post',
    path: '/messages',
    summary:
      'Write a message (French and English) to a segment and send it: a job draws the recipients and queues their mails in batches',
    tag: 'outreach',
    access: 'user',
    body: messageInput,
    response: message,
    successStatus: 201,
    handle: async (ctx, { body }) => presentMessage(await sendMessage(ctx, body)),
  }),
  defineOperation({
    operationId: 'listMessages',
    method: 'get',
    path: '/messages',
    summary: 'A program’s messages, newest first, with their progress',
    tag: 'outreach',
    access: 'user',
    query: listMessagesInput,
    response: messagePage,
    handle: async (ctx, { query }) => presentMessagePage(await listMessages(ctx, query)),
  }),
  defineOperation({
    operationId: 'getMessage',
    method: 'get',
    path: '/messages/{id}',
    summary: 'One message and its progress: recipients, queued, sent, failed, unsubscribed',
    tag: 'outreach',
    access: 'user',
    response: message,
    handle: async (ctx, { params }) => presentMessage(await getMessage(ctx, params.id!)),
  }),
];
