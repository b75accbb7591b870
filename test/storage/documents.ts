import { validateFacts } from '../../src/ingest/read.js';
import { meetingWithSpeakers } from '../support/facts.js';

/** Distinct small facts documents whose speakers and organizations overlap, so later ones merge into earlier ones. */
export const documents = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const meeting = meetingWithSpeakers(2 + (i % 4));
    return validateFacts(`meeting ${i}`, { ...meeting, document: { ...meeting.document, title: `座谈会第${i}次` } }, null);
  });
