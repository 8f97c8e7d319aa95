import { raceAnswersSuite } from "./support/race-answers-suite";

raceAnswersSuite("sqlite");
