//! Unit tests of claim extraction on invented documents (speech structure, speakers, merging, stance), and
//! properties over any text.
pub mod tests_support {
    //! An invented corpus configuration and documents for the tests.
    use crate::extract::*;
    use counterclaim_core::config::{ActorDef, EntityDef, SideDef, StanceLexicon};
    use counterclaim_core::model::Paragraph;

    pub fn config() -> CorpusConfig {
        let strs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        CorpusConfig {
            question: "Is the Red Hand militia active in, or a threat from, Veldoria?".into(),
            sides: vec![
                SideDef {
                    id: "harbor".into(),
                    label: "Harbor government".into(),
                    markers: strs(&["Harbor Authority", "Transport Ministry", "Harbor government"]),
                },
                SideDef {
                    id: "north".into(),
                    label: "Northern League".into(),
                    markers: strs(&["Northern League", "Norland", "Norlandic"]),
                },
                SideDef { id: "analyst".into(), label: "Analysts".into(), markers: strs(&["analyst", "analysts", "expert"]) },
            ],
            entities: vec![
                EntityDef {
                    id: "red-hand".into(),
                    label: "Red Hand".into(),
                    aliases: strs(&["Red Hand", "Red Hand militia", "RH", "militia", "militants", "armed groups"]),
                },
                EntityDef { id: "veldoria".into(), label: "Veldoria".into(), aliases: strs(&["Veldoria", "Veldorian"]) },
                EntityDef { id: "norland".into(), label: "Norland".into(), aliases: strs(&["Norland"]) },
            ],
            outlets: vec![],
            actors: vec![ActorDef {
                name: "Lena Korsak".into(),
                aliases: strs(&["Lena Korsak", "Lena Korsakova", "Korsak", "Korsakova"]),
                role: Some("Transport Minister".into()),
                affiliation: Some("Harbor government".into()),
                side: Some("harbor".into()),
            }],
            stance: StanceLexicon {
                supports: strs(&[
                    "~active",
                    "~presence",
                    "threat",
                    "threats",
                    "regroup",
                    "regrouping",
                    "base",
                    "bases",
                    "fighters",
                    "attacks",
                ]),
                refutes: strs(&["defeated", "destroyed", "eliminated", "surrendered", "baseless", "~not allow"]),
                negators: strs(&["not", "no", "never", "no longer", "cannot"]),
            },
        }
    }

    pub fn doc(body: &str) -> Document {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for p in body.split("\n\n") {
            paragraphs.push(Paragraph { start: at, end: at + p.len() });
            at += p.len() + 2;
        }
        Document {
            id: "t1".into(),
            file: "t1.txt".into(),
            title: None,
            outlet: None,
            date: "2031-04-05".parse().ok(),
            date_source: None,
            dateline: None,
            author: None,
            body: body.into(),
            paragraphs,
            related: vec![],
            extras: vec![],
        }
    }
}

mod unit {
    //! One test per pattern, on invented sentences (names, places and groups are made up).
    use super::tests_support::{config, doc};
    use crate::extract::*;
    use counterclaim_core::model::Stance;

    fn run(body: &str) -> Vec<Claim> {
        let claims = Extractor::new(&config()).extract(&doc(body));
        for c in &claims {
            // Invariants: the span is in the body, cues occur in the text.
            assert!(c.start < c.end && c.end <= body.len(), "{c:?}");
            for cue in &c.stance_cues {
                assert!(c.text.contains(cue.as_str()), "cue {cue:?} not in {:?}", c.text);
            }
            assert_eq!(c.date.map(|d| d.iso()).as_deref(), Some("2031-04-05"));
        }
        claims
    }

    fn one(body: &str) -> Claim {
        let mut c = run(body);
        assert_eq!(c.len(), 1, "{c:#?}");
        c.remove(0)
    }

    #[test]
    fn quote_then_inverted_cue_and_titled_speaker() {
        let c = one("“The new bridge will open in May,” said Deputy Harbor Commissioner Ilse Marrow.");
        assert_eq!(c.speaker, "Ilse Marrow");
        assert_eq!(c.speaker_id, "ilse-marrow");
        assert_eq!(c.role.as_deref(), Some("Deputy Harbor Commissioner"));
        assert_eq!(c.text, "“The new bridge will open in May,”");
        assert_eq!(c.kind, ClaimKind::Direct);
        assert_eq!(c.cue.as_deref(), Some("said"));
        assert_eq!(&doc("").body, "");
    }

    #[test]
    fn quote_then_speaker_then_cue() {
        let body = "“Fishing boats are back in the bay,” Marrow said on Friday.";
        let c = one(body);
        assert_eq!(c.speaker, "Marrow");
        assert_eq!(&body[c.start..c.end], c.text);
    }

    #[test]
    fn speaker_cue_colon_quote() {
        let c = one("Harbor pilot Oskar Tenn said: “Nobody has seen the militia near the docks.”");
        assert_eq!(c.speaker, "Oskar Tenn");
        assert_eq!(c.role.as_deref(), Some("Harbor pilot"));
        assert!(c.text.starts_with("“Nobody has seen"));
        assert_eq!(c.kind, ClaimKind::Direct);
    }

    #[test]
    fn said_that_clause_after_time_and_place() {
        let c = one("Mayor Ivo Brandt said at a briefing in Soltan on Monday that the river defences held overnight.");
        assert_eq!(c.speaker, "Ivo Brandt");
        assert_eq!(c.text, "the river defences held overnight.");
        assert_eq!(c.kind, ClaimKind::Indirect);
    }

    #[test]
    fn bare_reported_clause_and_indirect_stance() {
        let c = one("The Harbor Authority said the Red Hand has no presence in the northern districts.");
        assert_eq!(c.speaker, "Harbor Authority");
        assert_eq!(c.side.as_deref(), Some("harbor"));
        assert_eq!(c.text, "the Red Hand has no presence in the northern districts.");
        assert_eq!(c.stance, Stance::Refutes);
        assert_eq!(c.stance_cues, vec!["no presence"]);
        assert_eq!(c.entities, vec!["red-hand"]);
    }

    #[test]
    fn told_outlet_colon_quote() {
        let c = one("Brandt told Radio Lumen: “The Red Hand fighters are regrouping in the hills.”");
        assert_eq!(c.speaker, "Brandt");
        assert_eq!(c.cue.as_deref(), Some("told"));
        assert_eq!(c.stance, Stance::Supports);
    }

    #[test]
    fn told_audience_then_that_with_partial_quote() {
        let c = one(
            "Commander Ruth Osei told reporters in Kell, the regional capital, on Sunday that the militants “were defeated” near the pass.",
        );
        assert_eq!(c.speaker, "Ruth Osei");
        assert!(c.text.starts_with("the militants “were defeated”"));
        assert_eq!(c.stance, Stance::Refutes);
    }

    #[test]
    fn according_to_at_start_and_end() {
        let c = one("According to the harbor master, three ferries were delayed by the storm.");
        assert_eq!(c.speaker, "harbor master");
        assert_eq!(c.cue.as_deref(), Some("According to"));
        let c = one("Three ferries were delayed by the storm, according to Norland's coast guard.");
        assert_eq!(c.speaker, "Norland's coast guard");
        assert_eq!(c.side.as_deref(), Some("north"));
        assert!(run("Three ferries were delayed by the storm, according to reports.").is_empty());
    }

    #[test]
    fn in_his_words_refers_back() {
        let cs = run("Ilse Marrow spoke to the council on Tuesday about the port.\n\nMarrow said the docks were safe. In her words, the harbor has never been calmer.");
        assert_eq!(cs.len(), 1, "{cs:#?}");
        assert!(cs[0].text.contains("never been calmer"));
        assert_eq!(cs[0].speaker, "Marrow");
    }

    #[test]
    fn appositives_on_either_side_and_relative_who() {
        let c = one("Tomas Vey, a political analyst, said the militia lacks money.");
        assert_eq!(c.speaker, "Tomas Vey");
        assert_eq!(c.role.as_deref(), Some("political analyst"));
        assert_eq!(c.side.as_deref(), Some("analyst"));
        let c = one("The head of the port police, Mira Oduya, said the night patrols will continue.");
        assert_eq!(c.speaker, "Mira Oduya");
        assert_eq!(c.role.as_deref(), Some("head of the port police"));
        let c = one(
            "Her remarks echoed those of the Norlandic envoy, Piet Dallo, who told a forum in Kell that the Red Hand was setting up bases.",
        );
        assert_eq!(c.speaker, "Piet Dallo");
        assert_eq!(c.side.as_deref(), Some("north"));
        assert_eq!(c.stance, Stance::Supports);
        let c = one("“We will rebuild the pier,” said Anka Solberg, a spokeswoman for the Transport Ministry, as local radio reported.");
        assert_eq!(c.speaker, "Anka Solberg");
        assert_eq!(c.role.as_deref(), Some("spokeswoman for the Transport Ministry"));
        assert_eq!(c.affiliation.as_deref(), Some("Transport Ministry"));
        assert_eq!(c.side.as_deref(), Some("harbor"));
    }

    #[test]
    fn split_quote_is_one_claim() {
        let body = "“The Red Hand has been defeated in the valley,” Osei said. “Its last bases were destroyed.”";
        let c = one(body);
        assert_eq!(c.speaker, "Osei");
        assert_eq!(c.text, "“The Red Hand has been defeated in the valley,” … “Its last bases were destroyed.”");
        assert_eq!(&body[c.start..c.start + 6], "“The");
        assert!(body[..c.end].ends_with("destroyed.”"));
        assert_eq!(c.stance, Stance::Refutes);
    }

    #[test]
    fn multi_paragraph_quote() {
        let body = "“We watched the coast all winter.\n\n“We saw no boats and no camps,” Marrow said.";
        let c = one(body);
        assert_eq!(c.speaker, "Marrow");
        assert_eq!(c.text, "“We watched the coast all winter. “We saw no boats and no camps,”");
    }

    #[test]
    fn floating_quote_continues_previous_speaker_in_next_paragraph() {
        let body = "Osei said the pass was quiet.\n\n“We patrol it every night and see nobody.”";
        let cs = run(body);
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert_eq!(cs[1].speaker, "Osei");
        assert_eq!(cs[1].cue, None);
        assert_eq!(cs[1].kind, ClaimKind::Direct);
    }

    #[test]
    fn unattributed_quote_without_previous_speaker_is_ignored() {
        assert!(run("“We patrol the pass every night and see nobody.”").is_empty());
        // A scare quote inside someone's sentence is part of that statement, not a quotation of its own.
        let c = one("Residents called the new ferry a “floating palace” last week.");
        assert_eq!(c.text, "called the new ferry a “floating palace” last week.");
        assert!(run("The new ferry, a “floating palace”, left the harbor last week.").is_empty());
    }

    #[test]
    fn pronouns_and_descriptions_resolve_to_recent_speaker() {
        let body = "Harbor spokesman Ivo Lind said the ferries run again.\n\nMarrow said the docks are open.\n\nHe said the cranes were repaired.\n\nThe spokesman said later that fuel was short.";
        let cs = run(body);
        let who: Vec<&str> = cs.iter().map(|c| c.speaker.as_str()).collect();
        assert_eq!(who, vec!["Ivo Lind", "Marrow", "Marrow", "Ivo Lind"], "{cs:#?}");
        let body = "The Transport Ministry said the roads were cleared.\n\nThe ministry said later that rail traffic resumed.";
        let cs = run(body);
        assert_eq!(cs[1].speaker, "Transport Ministry");
    }

    #[test]
    fn surnames_and_config_aliases_share_one_speaker_id() {
        let body = "Transport Minister Lena Korsakova said the bridge is safe.\n\nOn Friday, Korsak said the tunnel is safe too.";
        let cs = run(body);
        assert_eq!(cs.len(), 2);
        assert!(cs.iter().all(|c| c.speaker == "Lena Korsak" && c.speaker_id == "lena-korsak"), "{cs:#?}");
        assert_eq!(cs[0].role.as_deref(), Some("Transport Minister"));
        assert_eq!(cs[0].side.as_deref(), Some("harbor"));
        let body = "Analyst Petra Holm said prices rose.\n\nHolm said wages did not.";
        let cs = run(body);
        assert_eq!(cs[1].speaker, "Petra Holm");
    }

    #[test]
    fn organisations_and_countries_as_speakers() {
        let c = one("Norland has also claimed that the Red Hand is given shelter in Veldoria.");
        assert_eq!(c.speaker, "Norland");
        assert_eq!(c.speaker_id, "norland");
        assert_eq!(c.side.as_deref(), Some("north"));
        let c = one("The senators wrote that the militia keeps training camps in the hills.");
        assert_eq!(c.speaker, "senators");
    }

    #[test]
    fn cue_verbs_in_all_inflections() {
        for (s, cue) in [
            ("The envoy warns that the militia is regrouping.", "warns"),
            ("The envoy insisted the militia was regrouping.", "insisted"),
            ("The envoy has stressed that the militia is regrouping.", "stressed"),
            ("The envoy emphasised that the militia was regrouping.", "emphasised"),
            ("The envoy contends the militia is regrouping.", "contends"),
            ("The envoy alleged that the militia was regrouping.", "alleged"),
            ("The envoy testified that the militia was regrouping.", "testified"),
            ("The envoy announced that the militia was regrouping.", "announced"),
            ("The envoy assured the council that the militia was not regrouping.", "assured"),
            ("The envoy confirmed that the militia was regrouping.", "confirmed"),
            ("The envoy noted that the militia is regrouping.", "noted"),
            ("The envoy stated that the militia is regrouping.", "stated"),
            ("The envoy asserts the militia is regrouping.", "asserts"),
        ] {
            let c = one(s);
            assert_eq!(c.cue.as_deref(), Some(cue), "{s}");
            assert_eq!(c.speaker, "envoy", "{s}");
        }
    }

    #[test]
    fn denials_with_an_object_are_claims() {
        let c = one(
            "However, the Harbor Authority has repeatedly denied the allegations and says it will not allow the militia to use the port.",
        );
        assert_eq!(c.speaker, "Harbor Authority");
        assert!(c.text.starts_with("denied the allegations"));
        assert_eq!(c.stance, Stance::Refutes);
        let c = one("Brandt dismissed reports of Red Hand bases near Kell.");
        assert_eq!(c.stance, Stance::Refutes);
        assert_eq!(c.stance_cues, vec!["dismissed", "bases"]);
    }

    #[test]
    fn passives_names_and_noun_uses_are_not_cues() {
        assert!(run("The attack is reported to have killed two guards near the pier.").is_empty());
        assert!(run("The United States Navy sent two ships to the bay last week.").is_empty());
        assert!(run("Marrow's claims come after a week of storms in the bay.").is_empty());
        assert!(run("In the years since, they have claimed responsibility for many raids.").is_empty());
        assert!(run("FILE: Minister Lena Korsak testifies to the harbor committee, May 2030.").is_empty());
    }

    #[test]
    fn trailing_unquoted_attribution() {
        // No antecedent for "he": nothing to attribute.
        assert!(run("We are working with our partners to keep the shipping lanes open, he said.").is_empty());
        let cs = run("Marrow spoke at the port.\n\nMarrow said the docks are open.\n\nWe are working with our partners to keep the shipping lanes open, she said on Friday.");
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert_eq!(cs[1].speaker, "Marrow");
        assert_eq!(cs[1].text, "We are working with our partners to keep the shipping lanes open");
        assert_eq!(cs[1].kind, ClaimKind::Indirect);
        let c = one("The militia has no bases left in the valley, said the harbor master.");
        assert_eq!(c.speaker, "harbor master");
    }

    #[test]
    fn trailing_attribution_after_reported_clause_and_outlet() {
        let body = "Osei spoke in Kell.\n\nOsei said the pass was quiet. The militia has no bases left in the valley, he said.";
        let cs = run(body);
        assert_eq!(cs.len(), 1, "{cs:#?}");
        assert!(cs[0].text.contains("no bases left"));
        let c =
            one("In March, unnamed Norlandic officials warned that militants were preparing attacks on the ferries, Radio Lumen reported.");
        assert_eq!(c.speaker, "unnamed Norlandic officials");
        assert_eq!(c.text, "militants were preparing attacks on the ferries");
        assert_eq!(c.side.as_deref(), Some("north"));
    }

    #[test]
    fn quote_marks_of_all_kinds() {
        for body in [
            "«The Red Hand is finished», said analyst Tomas Vey.",
            "\"The Red Hand is finished,\" said analyst Tomas Vey.",
            "‘The Red Hand is finished,’ said analyst Tomas Vey.",
            "“The Red Hand, as the locals say, is ‘finished’ for good,” said analyst Tomas Vey.",
        ] {
            let c = one(body);
            assert_eq!(c.speaker, "Tomas Vey", "{body}");
            assert!(c.text.trim_start_matches(['“', '«', '"', '‘']).starts_with("The Red Hand"), "{body}");
            assert_eq!(c.kind, ClaimKind::Direct);
        }
    }

    #[test]
    fn continuation_cues_join_statements() {
        let body = "Osei said the pass was quiet. She added that the militia had left.\n\nOsei added that patrols continue.";
        let c = one(body);
        assert_eq!(c.speaker, "Osei");
        assert!(c.text.contains("pass was quiet") && c.text.contains("militia had left") && c.text.contains("patrols continue"));
        assert_eq!(&body[c.start..c.start + 8], "the pass");
        let body = "Osei said the pass was quiet. According to her, the militia had left.";
        assert_eq!(run(body).len(), 1);
    }

    #[test]
    fn indefinite_lead_speaker_is_the_named_one_that_follows() {
        let body = "A senior security official in Veldoria says the Red Hand has been defeated in the east.\n\nInterior Minister Hana Weiss told reporters on Sunday that the militia “was defeated” in Kell.";
        let c = run(body);
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(c.iter().all(|c| c.speaker == "Hana Weiss"), "{c:#?}");
        assert!(c[0].text.contains("defeated in the east"));
    }

    #[test]
    fn side_comes_from_the_text_and_role_from_the_configuration() {
        let c = one("Norlandic Transport Minister Lena Korsak said the ferries will stop.");
        assert_eq!(c.speaker, "Lena Korsak");
        assert_eq!(c.side.as_deref(), Some("north"));
        // The configured role wins over the text's, which may be partial or garbled.
        assert_eq!(c.role.as_deref(), Some("Transport Minister"));
        let c = one("Korsak said the ferries will stop.");
        assert_eq!(c.side.as_deref(), Some("harbor"));
        assert_eq!(c.role.as_deref(), Some("Transport Minister"));
        assert_eq!(c.affiliation.as_deref(), Some("Harbor government"));
    }

    #[test]
    fn a_second_denial_answers_the_report_not_the_first_denial() {
        let body = "Norland said the Red Hand militia is active in Veldoria, but the Harbor Authority denied the reports.\n\nHarbor Authority spokesman Ivo Marr also denied the reports on Friday.";
        let c = run(body);
        assert_eq!(c.len(), 3, "{c:#?}");
        assert_eq!(c[0].stance, Stance::Supports);
        assert!(c[1..].iter().all(|c| c.stance == Stance::Refutes), "{c:#?}");
    }

    #[test]
    fn a_question_that_names_no_entity_has_every_entity_for_topic() {
        let cfg = crate::config::parse("question = \"Did the firms lay off workers?\"\n[[entity]]\nid = \"korvel\"\nlabel = \"Korvel\"\n")
            .unwrap();
        let c = Extractor::new(&cfg).extract(&doc("Osei said that Korvel laid off 50 workers in May."));
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].stance, Stance::Supports, "{c:#?}");
        assert!(c[0].stance_cues.iter().any(|w| w == "laid"), "an irregular form of the question's verb: {c:#?}");
    }

    #[test]
    fn a_name_then_an_irregular_past_starts_the_reported_clause() {
        let c = one("Osei said Marrow sold the ferries in June.");
        assert_eq!((c.speaker.as_str(), c.text.as_str()), ("Osei", "Marrow sold the ferries in June."));
    }

    #[test]
    fn an_aside_in_the_speaker_is_left_out_but_a_final_acronym_kept() {
        assert_eq!(one("A Korvel (KRV) spokesman said the ferries will stop.").speaker, "Korvel spokesman");
        assert_eq!(one("The Veldoria Ferry Council (VFC) said the ferries will stop.").speaker, "Veldoria Ferry Council (VFC)");
    }

    #[test]
    fn a_rank_after_the_office_comes_first_in_the_role() {
        let c = one("Chairman of the Joint Staff General Odo Brandt said the pass is open.");
        assert_eq!(c.speaker, "Odo Brandt");
        assert_eq!(c.role.as_deref(), Some("General, Chairman of the Joint Staff"));
        let c = one("Major General Odo Brandt said the pass is open.");
        assert_eq!(c.role.as_deref(), Some("Major General"));
    }

    #[test]
    fn the_ministry_is_the_ministry_named_before() {
        let body = "The Veldorian Ministry of Water published figures on Monday.\n\nThe ministry said the dams are full.";
        let c = one(body);
        assert_eq!(c.speaker, "Veldorian Ministry of Water");
        let c = one("The ministry said the dams are full.");
        assert_eq!(c.speaker.to_lowercase(), "ministry");
    }

    #[test]
    fn denial_of_someone_elses_claim_takes_the_opposite_stance() {
        let body = "Norland said the Red Hand keeps bases in Veldoria.\n\n“We reject this claim,” said Marrow.";
        let cs = run(body);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].stance, Stance::Supports);
        assert_eq!(cs[1].stance, Stance::Refutes);
        assert_eq!(cs[1].stance_cues, vec!["reject this claim"]);
    }

    #[test]
    fn furniture_lines_are_ignored() {
        let body = "Share this article\n\nRelated: Minister says port safe\n\nOsei said the pass was quiet.\n\nAdvertisement";
        let cs = run(body);
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].speaker, "Osei");
    }

    #[test]
    fn phrase_set_off_by_commas_between_subject_and_cue() {
        let c = one("The harbor report, released on Tuesday after a long delay, said the militia had left the islands.");
        assert_eq!(c.speaker, "harbor report");
        assert_eq!(c.text, "the militia had left the islands.");
    }

    #[test]
    fn pronoun_without_earlier_speaker_takes_the_last_named_person() {
        let body = "Harbor pilot Oskar Tenn has worked the bay for twenty years.\n\n“Nobody has seen the militia near the docks,” he said.";
        let c = one(body);
        assert_eq!(c.speaker, "Oskar Tenn");
    }

    #[test]
    fn bodies_and_plurals_take_the_base_form() {
        let c = one("The Red Hand say their fighters have regrouped in the hills.");
        assert_eq!(c.speaker, "Red Hand");
        let c = one("Officials say the ferries will resume on Monday.");
        assert_eq!(c.speaker, "Officials");
    }

    #[test]
    fn quoted_as_saying() {
        let c = one("Osei was quoted by Radio Lumen as saying that the militia had no bases left.");
        assert_eq!(c.speaker, "Osei");
        assert_eq!(c.text, "the militia had no bases left.");
        assert_eq!(c.cue.as_deref(), Some("quoted"));
    }

    #[test]
    fn parenthetical_attribution() {
        let body = "Osei spoke in Kell.\n\nOsei said the pass was quiet.\n\nThe militia, she said, has lost most of its fighters.";
        let cs = run(body);
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert_eq!(cs[1].text, "The militia … has lost most of its fighters.");
        assert_eq!(cs[1].speaker, "Osei");
    }

    #[test]
    fn adverb_between_cue_and_that() {
        let c = one("Brandt said repeatedly that the militia was gone.");
        assert_eq!(c.text, "the militia was gone.");
    }

    #[test]
    fn time_phrase_between_speaker_and_cue() {
        let c = one("The Harbor Authority on Monday rejected a report claiming that the militia keeps bases in the bay.");
        assert_eq!(c.speaker, "Harbor Authority");
        assert_eq!(c.stance, Stance::Refutes);
        let c = one("The council's monitoring team said in its latest report that the militia remains a threat.");
        assert_eq!(c.speaker, "council's monitoring team");
        assert_eq!(c.stance, Stance::Supports);
    }

    #[test]
    fn long_relative_clause_between_speaker_and_cue() {
        let c = one("A harbor official, who spoke on condition of anonymity because he was not allowed to brief reporters, said the allegations were baseless.");
        assert_eq!(c.speaker, "harbor official");
        assert_eq!(c.stance, Stance::Refutes);
    }

    #[test]
    fn place_after_of_is_not_a_name() {
        let c = one("Residents of Kell, meanwhile, told Radio Lumen that the situation had improved.");
        assert_eq!(c.speaker, "Residents of Kell");
    }

    #[test]
    fn adding_that_after_a_quote_extends_it() {
        let c = one("“We will not let the militia use the port,” Marrow said, adding that the ferries will run again.");
        assert_eq!(c.text, "“We will not let the militia use the port,” … the ferries will run again.");
        // Mostly inside quote marks: a quotation.
        assert_eq!(c.kind, ClaimKind::Direct);
    }

    #[test]
    fn colon_then_quotation_in_the_next_paragraph() {
        let c = one("Speaking in Kell on Monday, Osei said:\n\n“The militia has been defeated in the valley.”");
        assert_eq!(c.speaker, "Osei");
        assert_eq!(c.kind, ClaimKind::Direct);
        assert_eq!(c.text, "“The militia has been defeated in the valley.”");
    }

    #[test]
    fn responsibility_claims_and_specific_reports() {
        assert!(run("The Red Hand claimed responsibility for the attack, which killed two guards.").is_empty());
        let c = one("According to the harbor report, the militia has left the islands.");
        assert_eq!(c.speaker, "harbor report");
    }

    #[test]
    fn cue_words_used_as_nouns() {
        let c = one("Meanwhile, a recent harbor report said that the militia has around 300 fighters.");
        assert_eq!(c.speaker, "recent harbor report");
        assert_eq!(c.cue.as_deref(), Some("said"));
        assert!(run("The claims were repeated on local radio all week long.").is_empty());
    }

    #[test]
    fn side_prefers_proper_names_in_the_phrase() {
        let c = one("A Norland analyst said the militia is regrouping.");
        assert_eq!(c.side.as_deref(), Some("north"));
    }

    #[test]
    fn two_speakers_in_one_sentence() {
        let cs = run("Norland claimed that the militia keeps bases in the hills, while the Harbor Authority said the hills are empty.");
        assert_eq!(cs.len(), 2, "{cs:#?}");
        assert_eq!(cs[0].speaker, "Norland");
        assert_eq!(cs[0].text, "the militia keeps bases in the hills");
        assert_eq!(cs[1].speaker, "Harbor Authority");
        assert_eq!(cs[1].text, "the hills are empty.");
    }

    #[test]
    fn naming_verbs_with_a_judgement() {
        let c = one("The Harbor Authority called the Norlandic report baseless.");
        assert_eq!(c.text, "called the Norlandic report baseless.");
        assert_eq!(c.stance, Stance::Refutes);
        assert!(run("The Harbor Authority called for calm after the storm in the bay.").is_empty());
    }

    #[test]
    fn name_particles() {
        let c = one("Envoy Karim bin Saleh said the talks went well.");
        assert_eq!(c.speaker, "Karim bin Saleh");
    }

    #[test]
    fn surnames_unify_across_documents() {
        let ex = Extractor::new(&config());
        let mut d1 = doc("Analyst Petra Holm said prices rose.");
        d1.id = "d1".into();
        let mut d2 = doc("Holm said wages did not rise.");
        d2.id = "d2".into();
        let mut claims: Vec<Claim> = ex.extract(&d1).into_iter().chain(ex.extract(&d2)).collect();
        assert_eq!(claims[1].speaker, "Holm");
        unify_speakers(&mut claims);
        assert_eq!(claims[1].speaker, "Petra Holm");
        assert_eq!(claims[1].speaker_id, claims[0].speaker_id);
        assert_eq!(claims[1].side.as_deref(), Some("analyst"));
    }

    #[test]
    fn claim_ids_are_stable() {
        let a = run("Osei said the pass was quiet.");
        let b = run("Osei said the pass was quiet.");
        assert_eq!(a[0].id, b[0].id);
        assert_eq!(a[0].id, claim_id("t1", "the pass was quiet."));
    }

    #[test]
    fn free_function_reuses_a_cached_extractor() {
        let cfg = config();
        let d = doc("Osei said the pass was quiet.");
        assert_eq!(extract(&d, &cfg), Extractor::new(&cfg).extract(&d));
        assert_eq!(extract(&d, &cfg).len(), 1);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    //! Any text: no panic, spans on char boundaries inside the body, cues inside the claim text.
    use crate::extract::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "said",
        "says",
        "told",
        "added",
        "denied",
        "according to",
        "In his words,",
        "he",
        "she",
        "they",
        "the ministry",
        "The spokesman",
        "Ana Ruiz",
        "Ruiz",
        "Gen.",
        "U.S.",
        "analyst",
        "a",
        "that",
        "the",
        "Red Hand",
        "militia",
        "is",
        "was",
        "not",
        "no",
        "active",
        "defeated",
        "threat",
        ",",
        ".",
        ":",
        ";",
        "?",
        "!",
        "–",
        "—",
        "(",
        ")",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "„",
        "\n",
        "\n\n",
        " ",
        "  ",
        "Ü",
        "ß",
        "ﬁ",
        "e\u{301}",
        "\u{200B}",
        "\u{FEFF}",
        "👍",
        "٣",
        "مرحبا",
        "…",
        "who",
        "who told",
        "meanwhile",
        "also",
        "further",
        "reported",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn never_panics_and_keeps_invariants(body in text()) {
            let cfg = super::tests_support::config();
            let d = super::tests_support::doc(&body);
            for c in Extractor::new(&cfg).extract(&d) {
                prop_assert!(c.start < c.end && c.end <= body.len());
                prop_assert!(body.is_char_boundary(c.start) && body.is_char_boundary(c.end));
                for cue in &c.stance_cues {
                    prop_assert!(c.text.contains(cue.as_str()));
                }
                prop_assert!(!c.speaker_id.is_empty());
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(body in "\\PC{0,400}") {
            let cfg = super::tests_support::config();
            let _ = Extractor::new(&cfg).extract(&super::tests_support::doc(&body));
        }
    }
}

mod speech {
    //! Reported speech in the forms news writing uses, on invented sentences: each test failed before its rule.
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        Extractor::new(&config()).extract(&doc(body))
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims.iter().find(|c| c.text.contains(text)).unwrap_or_else(|| panic!("no claim with {text:?} in {claims:#?}"))
    }

    #[test]
    fn a_time_or_place_phrase_between_speaker_and_cue() {
        let c = run("The envoy Tomas Osei, during the meeting highlighted that the Red Hand had acquired new rifles.");
        assert_eq!(find(&c, "acquired new rifles").speaker, "Tomas Osei");
        let c = run("Tomas Osei on Tuesday at the council warned that the militia is regrouping.");
        assert_eq!(find(&c, "regrouping").speaker, "Tomas Osei");
    }

    #[test]
    fn went_on_to_say() {
        let c = run("Osei spoke first.\n\n“Anyone who says so is spreading propaganda about a defeated group,” Osei went on to say.");
        assert_eq!(find(&c, "spreading propaganda").speaker, "Osei");
    }

    #[test]
    fn a_second_verb_shares_the_subject() {
        let c =
            run("The Northern League called the document “false intelligence” and said it was written by those who want the war to go on.");
        assert_eq!(find(&c, "written by those").speaker, "Northern League");
    }

    #[test]
    fn accused_of_and_a_participle_denial_are_two_claims() {
        let body = "Tomas Osei, the spokesman for the Northern League, has accused some countries of arming the Red Hand while dismissing concerns about Red Hand attacks in the north as “propaganda”.";
        let c = run(body);
        assert_eq!(find(&c, "of arming the Red Hand").speaker, "Tomas Osei");
        let d = find(&c, "concerns about Red Hand attacks");
        assert_eq!(d.speaker, "Tomas Osei");
        assert_eq!(d.stance, Stance::Refutes);
    }

    #[test]
    fn an_appeal_is_a_claim() {
        let c = run("Osei called on Norland to share intelligence about the militants moving to Veldoria.");
        assert_eq!(find(&c, "share intelligence").speaker, "Osei");
    }

    #[test]
    fn it_is_the_subject_of_its_own_sentence() {
        let body = "Norland said the situation should not be ignored.\n\nHowever, the Harbor Authority is yet to comment, but it had said before that the Red Hand was not a threat.";
        let c = run(body);
        assert_eq!(find(&c, "was not a threat").speaker, "Harbor Authority");
    }

    #[test]
    fn a_described_speaker_is_the_person_named_with_that_role() {
        let body = "Ana Ruiz, the spokesman for the Northern League, said the talks went well.\n\nThe Northern League spokesman also stated that “they try to exploit the crowds in the cities.”";
        let c = run(body);
        assert_eq!(find(&c, "exploit the crowds").speaker, "Ana Ruiz");
    }

    #[test]
    fn the_group_is_the_body_named_before() {
        let body = "The Northern League rejected the report on Sunday.\n\nMoreover, the group rejected the comments that its fighters went on to join the Red Hand.\n\nIt further noted that Red Hand militants were present in the cities.";
        let c = run(body);
        assert_eq!(find(&c, "its fighters went on").speaker, "Northern League");
        assert_eq!(find(&c, "present in the cities").speaker, "Northern League");
    }

    #[test]
    fn a_subheading_is_not_a_claim() {
        let body = "Osei rejected the report on Sunday.\n\nLeague report detail a “fabrication”\n\nMoreover, the league said the report was false.";
        let c = run(body);
        assert!(c.iter().all(|c| c.text != "fabrication"), "{c:#?}");
    }
}

mod speech_more {
    //! More forms of reported speech and of speakers, on invented sentences: each test failed before its rule.
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        Extractor::new(&config()).extract(&doc(body))
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims.iter().find(|c| c.text.contains(text)).unwrap_or_else(|| panic!("no claim with {text:?} in {claims:#?}"))
    }

    #[test]
    fn a_trailing_attribution_may_name_its_audience() {
        let c = run("Norland asked a private company to help it, Norlandic Foreign Minister Tomas Osei told a press conference devoted to his visit to the capital.");
        assert_eq!(find(&c, "asked a private company").speaker, "Tomas Osei");
        let c = run("Reports about Norlandic trainers in Veldoria are a smear campaign, the prime minister of the League Ana Ruiz told the Harbor Gazette.");
        assert_eq!(find(&c, "smear campaign").speaker, "Ana Ruiz");
    }

    #[test]
    fn a_country_s_description_is_its_person_named_just_before() {
        let body = "“The company went there on its own,” Norlandic Foreign Minister Tomas Osei said.\n\nNorland’s top diplomat emphasized that the company works in Veldoria on a legal basis.";
        let c = run(body);
        assert_eq!(find(&c, "legal basis").speaker, "Tomas Osei");
    }

    #[test]
    fn a_denial_listed_as_a_negator_flips_once() {
        let mut cfg = config();
        cfg.stance.negators.push("denied".into());
        let c = Extractor::new(&cfg).extract(&doc("The Harbor Authority has denied any presence of Red Hand fighters in the port."));
        assert_eq!(c[0].stance, Stance::Refutes, "{c:#?}");
    }

    #[test]
    fn a_sentence_with_quoted_fragments_is_quoted_whole() {
        let body = "The government \"gives a formal denial to these baseless allegations\" of \"an alleged presence of Red Hand fighters in the port,\" it said in a statement released on Friday.";
        let c = run(body);
        let q = find(&c, "formal denial");
        assert!(q.text.contains("alleged presence"), "{:?}", q.text);
        assert!(q.text.starts_with("The government"), "{:?}", q.text);
        assert_eq!(q.stance, Stance::Refutes);
    }

    #[test]
    fn demands_and_expressed_feelings_are_cues() {
        let c = run("The Harbor Authority demanded that proof be brought by independent sources.");
        assert_eq!(find(&c, "proof be brought").speaker, "Harbor Authority");
        let c = run("A group of western powers, in a joint statement on Thursday, expressed anger that Red Hand fighters had started to deploy in Veldoria.");
        assert!(find(&c, "started to deploy").speaker.contains("western powers"));
    }

    #[test]
    fn a_subject_with_an_including_list() {
        let c = run("The nations involved in the fight against the Red Hand, including Norland, Tarsa and Kell, said they condemn the deployment of the militia.");
        assert!(find(&c, "condemn the deployment").speaker.contains("nations"), "{c:#?}");
    }
}

mod speech_third {
    //! Attribution glued to a quotation, namings, appeals for, sources mid-sentence, apposed names, "the group".
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        Extractor::new(&config()).extract(&doc(body))
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims.iter().find(|c| c.text.contains(text)).unwrap_or_else(|| panic!("no claim with {text:?} in {claims:#?}"))
    }

    #[test]
    fn an_attribution_glued_to_the_closing_mark() {
        let c = run(
            "“The army carried out an operation in which many Red Hand fighters were killed”the Norlandic ministry said in a statement.",
        );
        assert!(find(&c, "operation in which").speaker.contains("ministry"), "{c:#?}");
        let c = run("Tomas Osei spoke on Monday.\n\n“We have helped our friends and we will continue to do so”he adds.");
        assert_eq!(find(&c, "helped our friends").speaker, "Tomas Osei");
    }

    #[test]
    fn a_naming_takes_what_it_names() {
        let c = run("The Norlandic ministry has called “disinformation” the allegations of a massacre, as well as those of a Red Hand presence in the town.");
        let n = find(&c, "disinformation");
        assert!(n.text.contains("Red Hand presence"), "{:?}", n.text);
    }

    #[test]
    fn an_appeal_for_is_a_claim() {
        let c = run("UN rights experts called Tuesday for an independent probe into abuses committed by the Red Hand.");
        assert!(find(&c, "independent probe").speaker.contains("experts"));
    }

    #[test]
    fn according_to_their_information_mid_sentence() {
        let body = "The experts said they had received alarming accounts.\n\nOver several days, according to their information, “Red Hand fighters executed several hundred people.”";
        let c = run(body);
        assert!(find(&c, "executed several hundred").speaker.contains("experts"), "{c:#?}");
    }

    #[test]
    fn also_called_is_no_attribution() {
        let c = run("The UN experts said they had received alarming accounts.\n\nMost of the victims were members of the Kell, a minority, also called Kellan, they said.");
        assert!(c.iter().all(|c| c.text != "called Kellan"), "{c:#?}");
        assert!(find(&c, "members of the Kell").speaker != "members of the Kell");
    }

    #[test]
    fn the_group_is_the_body_that_opened_the_sentence_before() {
        let body = "Tomas Osei said the talks went well.\n\nThe Harbor Watch in April had sounded the alarm over the killings.\n\nThe group said 300 civilians had been killed in the worst atrocity of the war.";
        let c = run(body);
        assert_eq!(find(&c, "300 civilians").speaker, "Harbor Watch");
    }

    #[test]
    fn and_he_insisted_is_a_second_claim() {
        let c = run("Osei has said that the company has a right to be in Veldoria because it was invited, and he has insisted that the Norlandic government is not involved.");
        assert!(!find(&c, "right to be in").text.contains("not involved"), "{c:#?}");
        assert_eq!(find(&c, "not involved").speaker, "Osei");
    }

    #[test]
    fn condemned_with_an_object_is_a_claim() {
        let c = run("Norland on Thursday condemned the decision to allow the deployment of the Red Hand militia in the port.");
        assert_eq!(find(&c, "condemned the decision").speaker, "Norland");
    }
}

mod speech_fourth {
    //! Dismissals over the claims they name, verbs inside quotations, plural and document speakers, relatives.
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        Extractor::new(&config()).extract(&doc(body))
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims.iter().find(|c| c.text.contains(text)).unwrap_or_else(|| panic!("no claim with {text:?} in {claims:#?}"))
    }

    #[test]
    fn a_dismissal_reaches_into_the_allegations_it_names() {
        let c =
            run("The Norlandic ministry has called “disinformation” the allegations of the involvement of Red Hand fighters in the raid.");
        assert_eq!(find(&c, "involvement").stance, Stance::Refutes, "{c:#?}");
    }

    #[test]
    fn a_corpus_phrase_with_a_dismissal_word_is_a_dismissal() {
        let mut cfg = config();
        cfg.stance.refutes.push("baseless allegations".into());
        let c = Extractor::new(&cfg)
            .extract(&doc("The Harbor Authority “gives a formal denial to these baseless allegations” of Red Hand bases, it said."));
        assert_eq!(c[0].stance, Stance::Refutes, "{c:#?}");
    }

    #[test]
    fn a_quotation_that_opens_with_the_verb() {
        let c = run("The Harbor Authority “demands that proof be brought to it by independent sources” and said “Norlandic trainers” were in the port.");
        let q = find(&c, "demands that proof");
        assert_eq!(q.speaker, "Harbor Authority");
        assert!(q.text.contains("trainers"), "{:?}", q.text);
    }

    #[test]
    fn plural_speakers_are_groups_for_they() {
        let body = "The nations involved in the talks said they “condemn the deployment of the militia”.\n\n“We are aware of the support given to the Red Hand,” they said.";
        let c = run(body);
        assert!(find(&c, "We are aware").speaker.contains("nations"), "{c:#?}");
    }

    #[test]
    fn a_document_speaks_for_its_author() {
        let c = run(
            "The port “was only involved in a partnership with Norland,” said the statement signed by harbor spokesman Colonel Ana Ruiz.",
        );
        assert_eq!(find(&c, "only involved").speaker, "Ana Ruiz");
        let c = run("“We congratulate the harbor for this victory,” underlines the press release of the Harbor Authority.");
        assert_eq!(find(&c, "congratulate").speaker, "Harbor Authority");
    }

    #[test]
    fn a_place_with_a_where_clause_speaks() {
        let c =
            run("Veldoria, where the army seized power in 2030, has said Norlandic forces there are not Red Hand fighters but trainers.");
        assert_eq!(find(&c, "not Red Hand fighters").speaker, "Veldoria");
    }

    #[test]
    fn quoted_a_statement_by() {
        let c = run("The monitor on Sunday quoted a statement by the Red Hand saying its militants had managed to ambush a convoy.");
        assert!(find(&c, "ambush a convoy").speaker.contains("Red Hand"), "{c:#?}");
    }

    #[test]
    fn insisting_after_an_object() {
        let c = run("Veldoria has never officially admitted the militia's presence, insisting it only worked with Norlandic instructors.");
        assert_eq!(find(&c, "only worked with").speaker, "Veldoria");
    }
}

mod speech_fifth {
    //! Organisations and places as speakers, bare clauses after an audience, questions, appeals against dismissals.
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        Extractor::new(&config()).extract(&doc(body))
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims.iter().find(|c| c.text.contains(text)).unwrap_or_else(|| panic!("no claim with {text:?} in {claims:#?}"))
    }

    #[test]
    fn an_organisation_name_with_and_is_one_body() {
        let body = "The Center for Maritime and International Studies reported that two Red Hand boats spent four months at the pier.\n\nIt says the boats are the only ones to have docked there.";
        let c = run(body);
        assert_eq!(find(&c, "four months").speaker, "Center for Maritime and International Studies");
        assert_eq!(find(&c, "only ones").speaker, "Center for Maritime and International Studies");
    }

    #[test]
    fn a_place_named_in_the_configuration_is_a_body_not_a_person() {
        let body = "Tomas Osei said the port is busy.\n\nVeldorian officials met on Friday. Veldoria denies the Red Hand is using the port. He added that the talks would go on.";
        let c = run(body);
        assert_eq!(find(&c, "is using the port").speaker, "Veldoria");
        assert_eq!(find(&c, "talks would go on").speaker, "Tomas Osei");
    }

    #[test]
    fn told_an_audience_a_bare_clause() {
        let c = run("Harbor spokesman Ana Ruiz told the Gazette they were due to take part in a joint exercise later this month.");
        assert_eq!(find(&c, "due to take part").speaker, "Ana Ruiz");
        let c = run("Veldoria says that's not the case.");
        assert_eq!(find(&c, "not the case").speaker, "Veldoria");
    }

    #[test]
    fn a_question_asserts_nothing() {
        let c = run("“Why would Veldoria need to have a Red Hand presence in its territory?” Osei said.");
        assert_eq!(c[0].stance, Stance::Neutral, "{c:#?}");
    }

    #[test]
    fn an_appeal_against_a_dismissal_keeps_it() {
        let c = run("“It is time to stop using fabricated news about the Red Hand against us,” Osei said.");
        assert_eq!(c[0].stance, Stance::Refutes, "{c:#?}");
        let c = run("“We call on you not to slander us in order to oppose Norland,” Osei said.");
        assert_eq!(c[0].stance, Stance::Refutes, "{c:#?}");
    }

    #[test]
    fn cues_in_the_subject_of_a_denied_predicate_are_not_asserted() {
        let c = run("The ministry insisted that the months-long presence of two Red Hand boats in the port does not constitute a permanent deployment of the militia.");
        assert_eq!(c[0].stance, Stance::Refutes, "{c:#?}");
    }

    #[test]
    fn an_object_quotation_goes_on() {
        let c = run("Norland expressed “serious concerns” about plans for Red Hand control over parts of the port.");
        assert!(find(&c, "serious concerns").text.contains("control over parts"), "{c:#?}");
    }

    #[test]
    fn published_a_report_saying() {
        let c = run(
            "The Harbor Gazette published a report on Sunday based on officials saying Norland and the Red Hand had signed a secret deal.",
        );
        assert_eq!(find(&c, "signed a secret deal").speaker, "Harbor Gazette");
    }
}

mod speech_sixth {
    //! Coordinated statements, appositive names, confirmations of a referenced claim, participles without commas.
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        Extractor::new(&config()).extract(&doc(body))
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims.iter().find(|c| c.text.contains(text)).unwrap_or_else(|| panic!("no claim with {text:?} in {claims:#?}"))
    }

    #[test]
    fn a_full_stop_before_the_closing_mark_ends_the_sentence() {
        let body = "Spokesman Ana Ruiz described the expansion of the port as “cooperation between Norland and Veldoria.” He said the envoy will lead the ceremony.";
        let c = run(body);
        assert_eq!(find(&c, "cooperation between").speaker, "Ana Ruiz");
    }

    #[test]
    fn what_it_calls_is_no_claim() {
        let c = run("Norland carries out what it calls freedom of navigation exercises.");
        assert!(c.is_empty(), "{c:#?}");
    }

    #[test]
    fn confirmed_with_an_object() {
        let c = run("Harbor spokesman Ned Price on Monday confirmed reports of Red Hand building activities at the port.");
        assert_eq!(find(&c, "reports of Red Hand").speaker, "Ned Price");
    }

    #[test]
    fn according_to_then_a_participle() {
        let c = run("Veldoria is going forward with plans to allow the Red Hand to build facilities, according to a high-ranking officer of the Norland Command, extending the reach of the militia.");
        assert!(find(&c, "plans to allow").speaker.contains("officer"), "{c:#?}");
    }

    #[test]
    fn a_name_between_commas_is_the_speaker() {
        let c = run("Its prime minister, Ana Ruiz, said the nation's constitution forbids it from hosting foreign militaries.");
        assert_eq!(find(&c, "constitution forbids").speaker, "Ana Ruiz");
        let c = run("“We are aware of credible reports,” said harbor spokesperson, Chad Roedemeier.");
        assert_eq!(find(&c, "credible reports").speaker, "Chad Roedemeier");
    }

    #[test]
    fn a_denial_of_such_an_arrangement_refers_back() {
        let body = "Tomas Osei said the Red Hand will build bases at the port next year.\n\nThe Harbor Authority has denied any such arrangement is to take place.";
        let c = run(body);
        assert_eq!(find(&c, "such arrangement").stance, Stance::Refutes, "{c:#?}");
    }

    #[test]
    fn a_confirmation_of_the_intelligence_agrees_with_it() {
        let body = "Tomas Osei said the Red Hand will build bases at the port next year.\n\nThe Harbor Authority denied it.\n\nNevertheless, Osei expressed his confidence that the intelligence is correct.";
        let c = run(body);
        assert_eq!(find(&c, "intelligence is correct").stance, Stance::Supports, "{c:#?}");
    }

    #[test]
    fn quoted_him_as_saying() {
        let body = "Tomas Osei spoke in May.\n\n“It will fly a Norlandic flag,” the Gazette quoted him as saying.";
        let c = run(body);
        assert_eq!(find(&c, "Norlandic flag").speaker, "Tomas Osei");
    }

    #[test]
    fn a_participle_without_a_comma() {
        let c =
            run("The Norland embassy on Wednesday criticized the Veldorian government saying it had not been transparent about the port.");
        assert!(find(&c, "not been transparent").speaker.contains("embassy"), "{c:#?}");
        let c = run(
            "The Center for Maritime Studies published satellite imagery showing that “construction has continued to transform the port.”",
        );
        assert!(find(&c, "continued to transform").speaker.contains("Center"), "{c:#?}");
    }

    #[test]
    fn long_said_and_but_has_denied() {
        let c = run("The Veldorian government has long said that Norland is helping with construction at the port, but has denied that the Red Hand has any involvement.");
        assert_eq!(find(&c, "helping with construction").speaker, "Veldorian government");
        let d = find(&c, "any involvement");
        assert_eq!(d.speaker, "Veldorian government");
        assert!(!find(&c, "helping with construction").text.contains("any involvement"));
    }

    #[test]
    fn a_quotation_inside_a_reported_clause() {
        let c = run("Roedemeier said the Veldorian government “has not been fully transparent about the role of the Red Hand.”");
        assert_eq!(find(&c, "fully transparent").speaker, "Roedemeier");
    }

    #[test]
    fn claims_of_one_or_two_words_are_dropped() {
        let c = run("Osei spoke first.\n\nHe added that the Norlandic");
        assert!(c.iter().all(|c| c.text.split_whitespace().count() >= 3), "{c:#?}");
    }
}

mod quoting {
    //! Claims a journalist can quote: pieces with their marks and punctuation, an ellipsis where words are left out.
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        Extractor::new(&config()).extract(&doc(body))
    }

    #[test]
    fn a_split_quotation_keeps_its_marks_and_shows_the_gap() {
        let body = "“The Red Hand achieved nothing significant,” said spokesman Ali Rahimi. “We are serious about security.”";
        let c = run(body);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].text, "“The Red Hand achieved nothing significant,” … “We are serious about security.”");
        assert_eq!(c[0].kind, ClaimKind::Direct);
        let pieces: Vec<&str> = c[0].pieces.iter().map(|p| &body[p.start..p.end]).collect();
        assert_eq!(pieces, vec!["“The Red Hand achieved nothing significant,”", "“We are serious about security.”"]);
    }

    #[test]
    fn statements_across_paragraphs_show_what_is_left_out() {
        let body = "Osei said the pass was quiet.\n\nShe added that the militia had left.";
        let c = run(body);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].text, "the pass was quiet. … the militia had left.");
        assert_eq!(c[0].pieces.len(), 2);
    }

    #[test]
    fn a_mostly_quoted_statement_is_a_quotation() {
        let c = run("Osei said the Red Hand “has been training hundreds of fighters in the hills every month.”");
        assert_eq!(c[0].kind, ClaimKind::Direct, "{c:#?}");
        let c = run("Osei said the Red Hand has been training fighters in the hills, calling it “a threat.”");
        assert_eq!(c[0].kind, ClaimKind::Indirect, "{c:#?}");
    }

    #[test]
    fn a_lead_is_its_own_claim_not_stitched_to_the_quotation() {
        let body = "An official says the Red Hand has been defeated in the east.\n\nMinister Tomas Osei told reporters that the militants “were defeated and their camps destroyed.”";
        let c = run(body);
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(c.iter().all(|c| c.speaker == "Tomas Osei"), "{c:#?}");
        assert!(!c[0].text.contains("were defeated"));
    }
}

mod speech_seventh {
    //! Asides between subject and cue or inside a reported clause, trailing attributions with a side clause, names
    //! that look like titles, "that" as a pronoun, documents that speak for their author.
    use super::tests_support::{config, doc};
    use crate::extract::*;

    fn run(body: &str) -> Vec<Claim> {
        // A first paragraph of its own, so that the sentence under test is no standfirst.
        Extractor::new(&config()).extract(&doc(&format!("The harbour reopened on Monday after a week of storms and repairs.\n\n{body}")))
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims.iter().find(|c| c.text.contains(text)).unwrap_or_else(|| panic!("no claim with {text:?} in {claims:#?}"))
    }

    #[test]
    fn a_trailing_attribution_followed_by_when_asked_and_but() {
        let c = run("Norland and Veldoria enjoy a deep friendship, Ana Ruiz, a spokesperson of the ministry, said at a briefing on Thursday when asked about the reports, but referred questions to the navy.");
        let f = find(&c, "deep friendship");
        assert_eq!(f.speaker, "Ana Ruiz");
        assert!(!f.text.contains("asked"), "{f:#?}");
    }

    #[test]
    fn a_loose_head_behind_a_capitalised_word_and_us_in_capitals() {
        let c = run("A Norlandic think tank says two Red Hand boats are anchored at the pier.");
        assert!(find(&c, "anchored at the pier").speaker.contains("think tank"), "{c:#?}");
        let c = run("The US says the pier is open to all ships.");
        assert_eq!(find(&c, "open to all").speaker, "US");
    }

    #[test]
    fn an_aside_in_dashes_between_subject_and_cue() {
        let c =
            run("Former minister Ana Ruiz -- now head of the senate -- suggested on Monday that Veldoria would be breaking its own laws.");
        assert_eq!(find(&c, "breaking its own laws").speaker, "Ana Ruiz");
    }

    #[test]
    fn a_participle_of_saying_after_a_clause_is_its_subject_s_statement() {
        let c = run("Ana Ruiz criticised the plan, adding that the army had no role in the port.");
        assert_eq!(find(&c, "no role in the port").speaker, "Ana Ruiz");
        let c = run("The union disputed that, saying the cuts at the port were planned months ago.");
        assert!(find(&c, "planned months ago").speaker.contains("union"));
    }

    #[test]
    fn a_trailing_attribution_then_adding_keeps_both_parts() {
        let c = run("Korvel will close the pier to warships, the ministry said on Monday, adding that the ferries would stay.");
        let f = find(&c, "ferries would stay");
        assert!(f.text.contains("close the pier") && f.speaker.contains("ministry"), "{f:?}");
    }

    #[test]
    fn a_parenthesis_between_subject_and_cue() {
        let c = run("Ana Ruiz (pictured) said the pier is open to all ships.");
        assert_eq!(find(&c, "open to all").speaker, "Ana Ruiz");
        let c = run("Tom Baker (54) said on Monday that the pier is open to all ships.");
        assert_eq!(find(&c, "open to all").speaker, "Tom Baker");
        let c = run("The Veldoria Port Council (VPC) said on Monday that the pier is open to all ships.");
        assert_eq!(find(&c, "open to all").speaker, "Veldoria Port Council (VPC)");
    }

    #[test]
    fn a_name_ending_in_a_short_title_word() {
        let c = run("Prime Minister Hun Sen said the pier is open to all ships.");
        assert_eq!(find(&c, "open to all").speaker, "Hun Sen");
        let c = run("Sen. Ana Ruiz said the pier is open to all ships.");
        assert_eq!(find(&c, "open to all").speaker, "Ana Ruiz");
    }

    #[test]
    fn that_before_a_modal_is_what_is_spoken_of() {
        let c = run("Osei has long feared a Red Hand base at the pier, but Veldoria has said that would not happen.");
        assert_eq!(find(&c, "that would not happen").speaker, "Veldoria");
    }

    #[test]
    fn an_aside_inside_a_bare_reported_clause_and_an_adverb_before_the_verb() {
        let c = run("Norland has said the pier, located off the southern coast, could give the Red Hand a foothold.");
        assert!(find(&c, "could give the Red Hand").text.starts_with("the pier, located"), "{c:#?}");
        let c = run("Osei said the constitution expressly forbids foreign bases.");
        assert_eq!(find(&c, "expressly forbids").speaker, "Osei");
    }

    #[test]
    fn the_publisher_of_updated_imagery_speaks() {
        let c =
            run("The Center for Maritime Studies published updated satellite imagery showing that new buildings had gone up at the pier.");
        assert!(find(&c, "new buildings").speaker.contains("Center"), "{c:#?}");
    }

    #[test]
    fn the_letter_speaks_for_whoever_wrote_it() {
        let body = "“The militia is recruiting,” the senators wrote, according to a copy of the letter.\n\n“It has camps in the hills,” the letter read.";
        let c = run(body);
        assert_eq!(find(&c, "camps in the hills").speaker, "senators");
    }
}
