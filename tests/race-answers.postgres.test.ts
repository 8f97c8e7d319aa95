import { raceAnswersSuite } from "./support/race-answers-suite";

raceAnswersSuite("postgresql");
