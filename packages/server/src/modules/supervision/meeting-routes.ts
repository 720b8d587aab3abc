import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { addActionItems, completeActionItem, myActionItems } from './action-items.ts';
import {
  ActionItem,
  AddActionItemsRequest,
  ActionItemList,
  CreateMeetingRequest,
  IdParams,
  MeetingDetail,
  MeetingList,
  MeetingListQuery,
  NoteRequest,
  UpdateMeetingRequest,
} from '@chuangcheng/core';
import { createMeeting, listMeetings, readMeeting, updateMeeting } from './meetings.ts';

/** Joint meetings (联席会议) and their action items. */
export async function meetingRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const route = actorRoutes(app, ['supervision']);
  route.post(
    '/meetings',
    { summary: 'Record a joint meeting', body: CreateMeetingRequest, response: MeetingDetail, status: 201 },
    ({ actor, body, requestId }) => createMeeting(db, actor, body, requestId),
  );
  route.get(
    '/meetings',
    { summary: 'Joint meetings', querystring: MeetingListQuery, response: MeetingList },
    ({ actor, query }) => listMeetings(db, actor, query),
  );
  route.get(
    '/meetings/:id',
    { summary: 'A meeting with attendees and action items', params: IdParams, response: MeetingDetail },
    ({ actor, params }) => readMeeting(db, actor, params.id),
  );
  route.patch(
    '/meetings/:id',
    { summary: 'Change a meeting', params: IdParams, body: UpdateMeetingRequest, response: MeetingDetail },
    ({ actor, params, body, requestId }) => updateMeeting(db, actor, params.id, body, requestId),
  );
  route.post(
    '/meetings/:id/action-items',
    {
      summary: 'Add action items',
      params: IdParams,
      body: AddActionItemsRequest,
      response: ActionItemList,
      status: 201,
    },
    async ({ actor, params, body, requestId }) => ({
      items: await addActionItems(db, actor, params.id, body.items, requestId),
    }),
  );
  route.post(
    '/action-items/:id/complete',
    { summary: 'Complete an action item', params: IdParams, body: NoteRequest, response: ActionItem },
    ({ actor, params, body, requestId }) => completeActionItem(db, actor, params.id, body.note, requestId),
  );
  route.get(
    '/my/action-items',
    { summary: "Your organisation's action items", response: ActionItemList },
    ({ actor }) => myActionItems(db, actor),
  );
}
