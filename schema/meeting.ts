import { z } from "zod";

/** Roles a person can have at a meeting (ATTENDED.role). */
export const ATTENDEE_ROLES = ["chair", "participant", "host"] as const;
export const AttendeeRole = z.enum(ATTENDEE_ROLES);
export type AttendeeRole = z.infer<typeof AttendeeRole>;

/** A meeting that took place, is planned, or that a report says did not or will not take place (denied, refused). */
export const MEETING_STATUSES = ["held", "planned", "not held"] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
