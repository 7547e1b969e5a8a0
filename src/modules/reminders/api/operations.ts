import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  presentReminderPreference,
  presentReminderSettings,
  reminderPreferenceResponse,
  reminderSettingsResponse,
} from '../presenters/reminders.ts';
import { getMyReminderPreference } from '../use-cases/get-my-reminder-preference.ts';
import { getReminderSettings } from '../use-cases/get-reminder-settings.ts';
import { reminderPreferenceInput, setMyReminderPreference } from '../use-cases/set-my-reminder-preference.ts';
import {
  updateReminderSettings,
  updateReminderSettingsInput,
} from '../use-cases/update-reminder-settings.ts';

export const reminderOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getReminderSettings',
    method: 'get',
    path: '/programs/{id}/reminders',
    summary:
      'Each kind of reminder of a program: on or off, its delay, who receives it, whether it may be stopped',
    tag: 'reminders',
    access: 'user',
    response: reminderSettingsResponse,
    handle: async (ctx, { params }) => presentReminderSettings(await getReminderSettings(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'updateReminderSettings',
    method: 'put',
    path: '/programs/{id}/reminders',
    summary:
      'Turn reminders on or off and set their delays (coordinators, administrators; kinds not named keep theirs)',
    tag: 'reminders',
    access: 'user',
    body: updateReminderSettingsInput,
    response: reminderSettingsResponse,
    handle: async (ctx, { params, body }) => {
      await updateReminderSettings(ctx, params.id!, body);
      return presentReminderSettings(await getReminderSettings(ctx, params.id!));
    },
  }),
  defineOperation({
    operationId: 'getMyReminderPreference',
    method: 'get',
    path: '/me/reminder-preference',
    summary: 'Whether I stopped the reminders that may be stopped',
    tag: 'reminders',
    access: 'user',
    response: reminderPreferenceResponse,
    handle: async (ctx) => presentReminderPreference(await getMyReminderPreference(ctx)),
  }),
  defineOperation({
    operationId: 'setMyReminderPreference',
    method: 'put',
    path: '/me/reminder-preference',
    summary:
      'Stop the reminders that may be stopped, or receive them again (appointments and requests still go)',
    tag: 'reminders',
    access: 'user',
    body: reminderPreferenceInput,
    response: reminderPreferenceResponse,
    handle: async (ctx, { body }) => presentReminderPreference(await setMyReminderPreference(ctx, body)),
  }),
];
