import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
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
  const tags = ['supervision'];
  app.post(
    '/meetings',
    {
      schema: { tags, summary: 'Record a joint meeting', body: CreateMeetingRequest, response: { 201: MeetingDetail } },
    },
    async (request, reply) =>
      reply.code(201).send(await createMeeting(deps.db, requireActor(request), request.body, request.id)),
  );
  app.get(
    '/meetings',
    { schema: { tags, summary: 'Joint meetings', querystring: MeetingListQuery, response: { 200: MeetingList } } },
    async (request) => listMeetings(deps.db, requireActor(request), request.query),
  );
  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting with attendees and action items',
        params: IdParams,
        response: { 200: MeetingDetail },
      },
    },
    async (request) => readMeeting(deps.db, requireActor(request), request.params.id),
  );
  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change a meeting',
        params: IdParams,
        body: UpdateMeetingRequest,
        response: { 200: MeetingDetail },
      },
    },
    async (request) => updateMeeting(deps.db, requireActor(request), request.params.id, request.body, request.id),
  );
  app.post(
    '/meetings/:id/action-items',
    {
      schema: {
        tags,
        summary: 'Add action items',
        params: IdParams,
        body: AddActionItemsRequest,
        response: { 201: ActionItemList },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        items: await addActionItems(deps.db, requireActor(request), request.params.id, request.body.items, request.id),
      }),
  );
  app.post(
    '/action-items/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete an action item',
        params: IdParams,
        body: NoteRequest,
        response: { 200: ActionItem },
      },
    },
    async (request) =>
      completeActionItem(deps.db, requireActor(request), request.params.id, request.body.note, request.id),
  );
  app.get(
    '/my/action-items',
    { schema: { tags, summary: "Your organisation's action items", response: { 200: ActionItemList } } },
    async (request) => myActionItems(deps.db, requireActor(request)),
  );
}
