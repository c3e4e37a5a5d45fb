"""Eight harder held-out-like episodes (ho09-ho16) for make.py --set hard, written to stress podcue in ways the
corpus and ho01-ho08 do not. All texts are original.

Script syntax: '= Title' starts a chapter at the next paragraph; 'KEY: text' starts a turn;
'> text' is a further paragraph of the turn; '! sponsor' puts the sponsor read between turns;
'! music S' / '! stinger S' put S seconds of music alone before the next paragraph, '! laugh S' /
'! applause S' a laughter / applause sound (not speech, not in the transcript).
In text, '{um,}' is a filler (spoken, not in the transcript) and '[Laughs]' or '[00:01:10]' a tag
(in the transcript, not spoken).
"""

EPISODES = []

# ------------------------------------------------------------------------------------------- 9
# Cold open: two sentences of the guest's later answer are played first (and written first in the
# transcript, as spoken), then beat music alone, then the episode, where the same two sentences
# are spoken again word for word (identical audio).
EPISODES.append(dict(
    id="ho09_rooftop_bees_coldopen", seed=909, style="clean", format="mp3_44k_stereo_128k",
    speakers={
        "KOFI": dict(label="KOFI", full_name="Kofi Mensah", role="host", voice="en-us+m3", rate=176, pitch=40, pan=-0.2),
        "TESS": dict(label="TESS", full_name="Tess Harrow", role="guest", voice="en-gb-x-rp+f2", rate=158, pitch=60,
                     gain_db=-2.0, pan=0.2),
    },
    gaps=dict(first=0.4, sent=(0.30, 0.55), turn=(0.45, 0.90), para=(0.6, 0.9)),
    music=dict(wave="beat", bpm=104, bass=["E2", "x", "G2", "A2", "E2", "x", "D2", "B1"], level_db=-21, outro=7.0),
    conditions=["cold open: 2 sentences of a later answer first, then 7.5 s beat music alone, then the episode; "
                "the cold-open sentences are spoken again later (identical audio, identical text)",
                "drum-machine music (kick/snare/hi-hat + plucked bass), not chords", "2.5 s musical stinger mid-episode",
                "2-speaker interview", "stereo panned", "MP3 44.1 kHz stereo"],
    notes="Interview with an urban beekeeper. The episode starts with a cold open (a clip of a later answer), "
          "then beat music, then the host's welcome. Transcript: NAME: turns, cold open at the top as spoken.",
    script="""
= Cold open
TESS: The first time a swarm landed on the chimney, I honestly thought the building was on fire. There was this dark cloud pouring over the edge of the roof, and the noise was like a motorway.
! music 7.5
= Welcome
KOFI: Hello and welcome to Up On The Roof, the show about what happens above the city's streets. I'm Kofi Mensah. My guest keeps twelve beehives on top of a seven storey office block. Tess Harrow, welcome.
TESS: Thank you, Kofi. It's nice to be indoors for once.
= Starting out
KOFI: How does somebody end up with bees on an office roof?
TESS: By accident, mostly. I worked in the building as a receptionist, and the owners wanted the roof to count as green space for their planning permission. Somebody said bees, and everybody looked at me because I had once mentioned my grandfather's hives.
> So I took a weekend course, I read everything I could find, and in the spring of 2019 two colonies arrived in the back of a van.
KOFI: And how did the office react?
TESS: Nervously at first. People kept their windows shut for the whole summer. Now the accounts team asks me every August when the honey is ready.
! stinger 2.5
= Swarms
KOFI: I have to ask about swarms. What happens when a colony decides to leave?
TESS: The first time a swarm landed on the chimney, I honestly thought the building was on fire. There was this dark cloud pouring over the edge of the roof, and the noise was like a motorway.
> It turned out to be completely normal. A healthy colony splits in two, and half of them go looking for a new home with the old queen. I climbed a ladder with a cardboard box and a soft brush, and an hour later they were living in a spare hive.
KOFI: You make it sound very calm.
TESS: I was shaking. But bees in a swarm are full of honey and not looking for a fight.
= The honey
KOFI: Is city honey any good?
TESS: It's better than people expect. There are lime trees along the river, gardens, railway embankments full of brambles. Every batch tastes different, and last year we sold two hundred jars in the lobby in one afternoon.
KOFI: Tess Harrow, thank you very much.
TESS: Thanks, Kofi. Mind the bees on your way out.
""",
))

# ------------------------------------------------------------------------------------------ 10
EPISODES.append(dict(
    id="ho10_roller_derby_four", seed=1010, style="clean", format="ogg_vorbis_48k_mono_q3",
    speakers={
        "Pia": dict(label="Pia", full_name="Pia Lindqvist", role="moderator", voice="en-us+f3", rate=178, pitch=56),
        "Gus": dict(label="Gus", full_name="Gus Ferreira", role="panelist", voice="en-gb-scotland+m3", rate=240,
                    pitch=42),
        "Noor": dict(label="Noor", full_name="Noor Haddad", role="panelist", voice="en+f4", rate=168, pitch=64,
                     gain_db=-12.0),
        "Lars": dict(label="Lars", full_name="Lars Okonkwo", role="panelist", voice="en-us+m5", rate=150, pitch=34,
                     gain_db=-2.0),
    },
    gaps=dict(first=0.5, sent=(0.15, 0.35), turn=(0.0, 0.10), para=(0.3, 0.5)),
    fx_db={"laugh": -25.0},
    conditions=["4-speaker panel", "Noor 12 dB quieter", "Gus very fast (240 wpm)",
                "turn gaps 0-100 ms throughout", "many one-word turns (Yes. Right. Mm-hm.)",
                "laughter sounds (not speech) between sentences, not in the transcript", "mixed-case Name: labels",
                "Ogg Vorbis 48 kHz mono"],
    notes="Four-person panel about a roller derby league, very fast turn-taking, many backchannel turns, one very "
          "quiet panelist and one very fast one; synthetic laughter between some sentences.",
    script="""
= Welcome
Pia: Welcome to Full Contact, the sports show for sports nobody else covers. I'm Pia Lindqvist, and tonight I have three members of the Harbour City Rollers with me. Gus, Noor and Lars, hello.
Gus: Hello hello, great to be here, thanks for having us on.
Noor: Hi.
Lars: Good evening.
= What is roller derby
Pia: Lars, for anyone who has never seen it, what is roller derby?
Lars: Two teams on quad skates going round an oval track. Each team has one scorer, called the jammer. Everybody else is trying to block the other jammer.
Pia: So it's a race.
Lars: Yes.
Gus: And a wrestling match at the same time, on wheels, at twenty five kilometres an hour, which is exactly why my knees sound like a bag of gravel every morning.
! laugh 1.4
Pia: Noor, you're the jammer, right?
Noor: Right.
Pia: What does that feel like?
Noor: Like being chased by a wall. A wall that knows your name.
Pia: Mm-hm.
Noor: You find the gap, and you go.
= Getting hurt
Pia: Let's be honest about injuries. Is it dangerous?
Gus: Less than people assume, honestly, the helmets and pads are excellent, the referees are strict, and most of what we get is bruises, although I did break a finger in my first season doing something very stupid.
Pia: What did you do?
Gus: I waved at my mother.
! laugh 1.8
Lars: It's true. I was there.
Pia: Noor?
Noor: Sprained wrist. Once.
Pia: Only once?
Noor: Yes.
Lars: She falls well. That's a skill.
Noor: It is a skill.
Lars: Right.
= Skates and gear
Pia: Lars, what does a beginner need to buy?
Lars: Skates, a helmet, knee pads, elbow pads, wrist guards and a mouth guard. A decent starter set costs about the same as a good bicycle.
Pia: That's a lot.
Lars: It is. That's why we lend kit for the first month.
Gus: And you will fall over, constantly, in the first month, it's completely normal, we actually teach falling before we teach stopping, because falling properly is what keeps you out of hospital.
Pia: Falling first.
Gus: Falling first.
Noor: Then stopping.
Lars: Then everything else.
Pia: Noor, how long before you played your first real game?
Noor: Eight months.
Pia: Was it worth it?
Noor: Yes. Completely.
! laugh 1.2
Gus: She scored on her first jam, by the way, which is ridiculous, it took me a whole season.
Pia: Mm-hm.
Gus: I'm not bitter.
Lars: He's very bitter.
= The league
Pia: How does the league keep going? Who pays for the hall?
Lars: We do, mostly. Everyone pays a monthly fee, and we run two home games a season that sell out the sports centre. The ticket money pays for the floor time and the referees' travel.
Gus: And the bake sales, never underestimate the bake sales, we raised more money from lemon cake last year than from the raffle and the sponsors put together.
Pia: Really?
Gus: Really.
Noor: Gus bakes.
Pia: Does he?
Noor: Badly.
! laugh 1.5
Gus: That is a lie.
Pia: OK. Last question. How do people join?
Lars: Come to a fresh meat session on a Sunday. We lend you skates and pads for the first month.
Noor: No experience needed.
Pia: Gus, Noor, Lars, thank you.
Gus: Thanks.
Noor: Thank you.
Lars: Cheers.
""",
))

# ------------------------------------------------------------------------------------------ 11
EPISODES.append(dict(
    id="ho11_repair_callin_phone", seed=1111, style="fullname", format="aac_m4a_44k_mono_64k",
    speakers={
        "MARGUERITE": dict(label="MARGUERITE", full_name="Marguerite Okafor", role="host", voice="en-us+f1", rate=170,
                           pitch=50),
        "DENNIS": dict(label="DENNIS", full_name="Dennis Halloran", role="caller", voice="en-gb-x-gbclan+m4",
                       rate=165, pitch=40, phone=True, line_noise_db=-22.0, gain_db=-3.0),
        "ANITA": dict(label="ANITA", full_name="Anita Rowe", role="caller", voice="en-us+f4", rate=185, pitch=62,
                      phone=True, line_noise_db=-18.0, gain_db=-5.0),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.55), turn=(0.35, 0.80), para=(0.5, 0.8)),
    music=dict(wave="beat", bpm=96, bass=["C2", "x", "C2", "Eb2", "F2", "x", "G2", "Bb1"], level_db=-22, bed_db=-33,
               intro_alone=6.0, outro=6.0, sponsor_lead=1.5, sponsor_tail=1.2),
    sponsor=dict(voice="en-us-nyc+m6", rate=200, pitch=48,
                 text="Fix It Live is supported by Hartley Hardware, open seven days a week on Station Road, with free "
                      "key cutting every Saturday morning."),
    conditions=["radio call-in: studio host and two phone callers",
                "callers band-limited 300-3400 Hz with 8-bit mu-law companding and line hiss (18-22 dB below speech)",
                "Dennis 3 dB and Anita 5 dB quieter", "6 s beat intro alone, 6 s outro",
                "sponsor read (not in the transcript) over a beat bed between turns", "2 s stinger between callers",
                "full name on its own line", "AAC in M4A, mono"],
    notes="Radio phone-in about home repairs: the host in the studio, two callers on telephone lines.",
    script="""
= Welcome
MARGUERITE: Good morning, you're listening to Fix It Live, the programme where you bring us the thing that's broken and we try to talk you through it. I'm Marguerite Okafor, the lines are open, and our first caller is Dennis. Dennis, good morning, what's the problem?
DENNIS: Morning, Marguerite. It's my kitchen tap. It drips all night, and I've been putting a saucepan under it so I can sleep.
= The dripping tap
MARGUERITE: A drip is nearly always a worn washer or a worn cartridge. Do you know whether your tap has two handles or one lever?
DENNIS: Two handles. Hot on the left, cold on the right. It's the cold one that drips.
MARGUERITE: Then it's almost certainly the washer. Turn the water off under the sink first, put the plug in so nothing falls down the drain, and take the handle off. There's usually a little screw under the cap.
DENNIS: And then the washer is just sitting in there?
MARGUERITE: At the bottom of the valve, yes. Take the old one to the shop so you get the same size. It costs about the same as a cup of tea.
DENNIS: That's brilliant. I'll do it this afternoon. Thank you.
MARGUERITE: Good luck, Dennis, and let us know how it goes.
! sponsor
= The sticking door
MARGUERITE: Welcome back. Our next caller is Anita. Anita, you're on Fix It Live.
! stinger 2.0
ANITA: Hi Marguerite. I have a bedroom door that sticks at the top. You have to shove it with your shoulder to close it, and my son has started leaving it open just to annoy me.
MARGUERITE: Has it always stuck, or did it start recently?
ANITA: Only since the autumn. It was fine all summer.
MARGUERITE: Then it's probably moisture. Wood swells when the air is damp. Before you start planing anything, check the hinges. If the top hinge screws are loose, the door drops at the corner and rubs on the frame.
ANITA: How would I know?
MARGUERITE: Open the door and lift the handle gently. If the door moves up and down, the screws are loose. Tighten them, and if they just spin, put a longer screw in.
ANITA: OK, I can do that. And if it still sticks?
MARGUERITE: Then rub a candle along the edge where it catches. It's an old trick, but it works surprisingly well.
ANITA: A candle. I love that. Thank you so much.
MARGUERITE: That's all we have time for this week. Keep your toolbox handy, and I'll see you next Saturday.
""",
))

# ------------------------------------------------------------------------------------------ 12
EPISODES.append(dict(
    id="ho12_live_stage_rivers", seed=1212, style="article", format="flac_44k_mono_16bit",
    speakers={
        "HOLLIS": dict(label="HOLLIS", full_name="Hollis Baptiste", role="host", voice="en-029+m2", rate=172, pitch=44),
        "IDA": dict(label="IDA", full_name="Ida Sorensen", role="guest", voice="en-gb-x-gbcwmd+f3", rate=168, pitch=58),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.55), turn=(0.45, 0.85), para=(0.6, 0.9)),
    reverb=[40, 50, 75],
    fx_db={"laugh": -24.0, "applause": -22.0},
    conditions=["live stage recording: applause (3.5 s and 4 s) and audience laughter sounds, not in the transcript",
                "a 70 s answer made of run-on sentences with almost no punctuation",
                "article page (header, caption, intro, note and footer not spoken)", "light hall reverb",
                "FLAC 44.1 kHz"],
    notes="A live on-stage interview with a river swimmer; applause and laughter from the audience; one very long "
          "run-on answer.",
    article_head=[
        "Swimming the length of a river, one bridge at a time",
        "Ida Sorensen on stage at the Corn Exchange (Photo: Marek Halloran)",
        "Last month Ida Sorensen swam the full length of the river Wend, from the reservoir to the sea, in eleven "
        "days. Hollis Baptiste talked to her in front of a live audience at the Corn Exchange.",
        "This conversation was recorded live. Listen above, or read the transcript below.",
        "Read the transcript",
        "(Audience reactions have been removed from this transcript.)",
    ],
    article_foot=[
        "Ida Sorensen's swim raised money for the river trust's clean water programme.",
        "About the author",
        "Hollis Baptiste presents Live at the Exchange, a monthly evening of conversations with people who have "
        "done something unusual.",
        "Adjacent posts",
    ],
    script="""
= Welcome
HOLLIS: Good evening everybody, and welcome to Live at the Exchange. Tonight's guest swam the entire length of the river Wend last month. Please welcome Ida Sorensen!
! applause 3.5
IDA: Thank you. Thank you, that's very kind.
= The swim
HOLLIS: So, Ida. One hundred and forty kilometres. Why?
IDA: Because somebody at a party told me it couldn't be done.
! laugh 1.6
HOLLIS: That's the whole reason?
IDA: That's most of it.
HOLLIS: Tell us about the first day.
IDA: The first day started at the dam at six in the morning and the water was so cold that I could not feel my hands for the first hour and my support crew were walking along the bank with a flask of tea and a loudspeaker shouting things that I could not hear because my ears were full of river and I kept thinking that I would give up at the first bridge and then at the second bridge and then somehow I was at the fifth bridge and it was lunchtime and I had not given up at all.
> After lunch the river gets wider and slower and that is where the real work begins because there is no current to help you and the banks do not seem to move at all and you swim for twenty minutes and look up and the same cow is still watching you from the same field and I think that cow followed me for most of the afternoon to be honest.
! laugh 1.4
HOLLIS: A supportive cow.
IDA: A very judgemental cow.
= Training
HOLLIS: How do you even train for something like that?
IDA: Mostly by swimming in cold water when everybody else is sensibly indoors. I swam in the lake every morning from January, twenty minutes at first, then an hour, then three hours at weekends. I also ate a great deal of porridge.
HOLLIS: And where did you sleep?
IDA: In a camper van that followed the river. My brother drove it, my friend Aoife cooked, and every evening they had to find a place to park that was close to wherever I had climbed out of the water. Some nights that was a lovely village green and some nights it was a lorry park behind a chicken factory.
! laugh 1.5
HOLLIS: Glamorous.
IDA: Extremely.
= What the river showed her
HOLLIS: What did you learn about the river itself?
IDA: That it is much cleaner in some places than I expected, and much dirtier in others. Near the villages you could see the pipes where the overflow comes out, and after rain the water turned brown. We took samples every ten kilometres and sent them to the trust.
HOLLIS: And what did the samples show?
IDA: The results came back last week. Eight of the fourteen samples were fine for swimming. Six were not. That's why I'm going to keep talking about it.
HOLLIS: Ida Sorensen, thank you.
! applause 4.0
> Goodnight everybody.
""",
))

# ------------------------------------------------------------------------------------------ 13
EPISODES.append(dict(
    id="ho13_night_market_beatbed", seed=1313, style="plain", format="wav_44k_stereo_s16",
    title="Notes from the Night Market",
    speakers={
        "RUBEN": dict(label="RUBEN", full_name="Ruben Achterberg", role="narrator", voice="en-us+m1", rate=165, pitch=46),
    },
    gaps=dict(first=1.2, sent=(0.35, 0.60), turn=(0.5, 0.9), para=(0.9, 1.3)),
    music=dict(wave="beat", bpm=88, bass=["A1", "x", "A1", "C2", "D2", "x", "E2", "G1"], level_db=-24,
               throughout_db=-33, outro=5.0),
    conditions=["monologue", "drum-machine music bed under all the speech, 13 dB below it (kick and snare transients)",
                "plain paragraphs, each starting with a [hh:mm:ss] timestamp tag (not spoken)", "5 s beat outro",
                "WAV 44.1 kHz stereo 16-bit"],
    notes="Plain-paragraph monologue about a night market, read over a continuous beat music bed; every paragraph "
          "starts with a bracketed timestamp as transcription services write them.",
    script="""
= Notes from the Night Market
RUBEN: [00:00:00] On Friday nights the car park behind the old cinema turns into a market. By seven o'clock there are forty stalls under strings of yellow bulbs, and the air smells of charcoal, fried dough and diesel from the generators.
> [00:00:16] I have been coming here for three years, first as a customer and now as the man who sells soup from a converted horse trailer. The soup changes every week. The queue does not.
> [00:00:29] The first stall you pass belongs to a woman who sharpens knives on a foot powered wheel. She does not advertise. She simply sits there, sparks flying, and people stop to watch and then remember the blunt bread knife in their kitchen drawer.
> [00:00:46] Next to her is a family who make dumplings. The grandmother folds, the father fries, and the youngest daughter takes the money and does the arithmetic faster than any till. On a good night they sell eleven hundred dumplings, and they are always gone before the band finishes.
> [00:01:05] The band, by the way, is three brothers and a drum machine. They play the same nine songs every week, and nobody has ever asked them to stop.
> [00:01:16] What I love most is the hour after ten, when the families go home and the cooks from the restaurants in town arrive still wearing their aprons. They eat standing up, they argue about seasoning, and they buy whatever is left at half price.
> [00:01:33] At midnight the generators are switched off one by one. The bulbs go out in rows, the stalls fold into vans, and by half past twelve the car park is just a car park again, with a few paper napkins blowing across it.
> [00:01:48] Every stall holder has a story about how they ended up here. The man who sells spices was an accountant until he was fifty. The two sisters with the bicycle repair stand started by fixing their neighbours' bikes for free and discovered that people were happy to pay. I started because I made too much soup for a friend's party and somebody asked if I would sell the rest.
> [00:02:09] In the rain the market shrinks. Half the stalls stay at home, the bulbs hiss, and the rest of us huddle under tarpaulins and trade food with each other. Those are some of the best nights, because the customers who do come are the ones who really mean it.
> [00:02:25] Then I drive home with an empty pot and a full cash box, and I start thinking about next week's soup.
""",
))

# ------------------------------------------------------------------------------------------ 14
EPISODES.append(dict(
    id="ho14_canal_history_long", seed=1414, style="clean", format="mp3_22k_mono_48k",
    speakers={
        "HOST": dict(label="HOST", full_name="Beatrix Quaye", role="host", voice="en-gb-x-rp+f3", rate=172, pitch=54),
        "WALTER": dict(label="WALTER", full_name="Walter Pennick", role="guest", voice="en-us+m2", rate=150, pitch=38,
                       gain_db=-3.0),
        "SUNNIVA": dict(label="SUNNIVA", full_name="Sunniva Dahl", role="guest", voice="en-gb-scotland+f5", rate=190,
                        pitch=62, gain_db=-1.0),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.60), turn=(0.40, 0.90), para=(0.6, 1.0)),
    music=dict(chords=["F3 A3 C4", "D3 F3 A3", "Bb2 D3 F3", "C3 E3 G3"], chord_s=1.8, wave="triangle",
               level_db=-24, under_db=-38, intro_alone=6.0, intro_under=4.0, outro=7.0),
    conditions=["long episode (about 7 minutes)", "3 speakers", "[hh:mm:ss] timestamp tags after the speaker labels "
                "(not spoken)", "HOST label is a role, not a name", "chord intro alone and under the first speech",
                "three 2.5 s stingers between chapters", "MP3 22.05 kHz mono 48 kbit/s"],
    notes="Long interview with two volunteers restoring a canal; every turn carries a timestamp tag after its label, "
          "as exported by transcription services.",
    script="""
= Welcome
HOST: [00:00:00] Hello and welcome to Waterways, the programme about the rivers, canals and reservoirs that shaped the country. I'm Beatrix Quaye. Today I'm on the towpath of the Ashby Cut, a canal that was abandoned for almost a century, with two of the volunteers who are bringing it back to life. Walter Pennick has been working on the canal since the very first dig, and Sunniva Dahl runs the restoration trust. Welcome to you both.
WALTER: [00:00:27] Thank you. It's a lovely morning for it.
SUNNIVA: [00:00:29] Thanks for coming out to see us.
= The history
HOST: [00:00:31] Walter, let's start with the history. When was the canal built, and what was it for?
WALTER: [00:00:36] It was dug in the seventeen nineties, mostly by hand, to carry coal from the pits in the hills down to the river port. At its busiest there were sixty boats a day going through the locks, each one pulled by a horse walking along this very path.
> [00:00:52] Then the railway arrived. Within twenty years the coal trade had moved to the trains, and the canal company went bankrupt. The last commercial boat went through in nineteen twelve, and after that the water was drained in sections and the locks were filled with rubble.
HOST: [00:01:10] So when you started, what was actually left?
WALTER: [00:01:13] A ditch full of brambles. Honestly, that's all. You could follow the line of it if you knew where to look, because the hedges ran in two straight rows either side, but there wasn't a drop of water in it.
SUNNIVA: [00:01:27] He's being modest. He found the first lock.
WALTER: [00:01:30] I fell into the first lock. That's slightly different.
! stinger 2.5
= The first dig
HOST: [00:01:36] Tell me about that.
WALTER: [00:01:38] It was nineteen ninety eight. A group of us had got permission from the farmer to clear a stretch of the old line, and I was pulling out brambles when the ground just gave way under my boots. I went down about two metres and landed on a stone floor. When the others pulled me out, we could see the top of a wall, beautifully cut stone, under all that soil.
> [00:02:02] It took us four summers to dig it out completely. Every weekend, twenty or thirty volunteers with spades and wheelbarrows. We found clay pipes, a horseshoe, a boatman's tin mug, and a lot of very old bottles.
HOST: [00:02:17] Sunniva, when did you get involved?
SUNNIVA: [00:02:20] Much later. I moved to the area in twenty fourteen and saw a poster asking for help with a fundraising event. I thought I'd give up one Saturday. That was ten years ago, and now I do the accounts, the grant applications, the planning meetings and, when there's nobody else, the tea.
! stinger 2.5
= Paying for it
HOST: [00:02:40] Restoring a canal sounds enormously expensive. How do you pay for it?
SUNNIVA: [00:02:45] It is enormously expensive. A single lock costs around four hundred thousand pounds to rebuild properly, with new gates, new paddles and a concrete floor that will last another two hundred years. We have eleven locks on our stretch.
> [00:03:00] The money comes from three places. The biggest share is grants, from heritage funds and from the council. Then there's fundraising, which is everything from sponsored walks to a very popular duck race. And then there's the work itself, which is done by volunteers, so we never pay for labour.
HOST: [00:03:19] How many volunteers do you have?
SUNNIVA: [00:03:21] About three hundred on the list, and on a good Saturday maybe forty turn up. We also get groups from companies who want a team day out, and they're always surprised how hard it is.
WALTER: [00:03:33] They always want to drive the digger.
SUNNIVA: [00:03:35] Nobody drives the digger except Walter.
WALTER: [00:03:37] That's a firm rule.
! stinger 2.5
= The water returns
HOST: [00:03:42] Is there water in the canal now?
WALTER: [00:03:44] On two and a half miles of it, yes. We flooded the first section in twenty seventeen, and I don't mind admitting that I cried. We'd spent nineteen years looking at a dry ditch, and suddenly there were ducks on it.
> [00:04:00] The wildlife came back faster than anyone expected. Within a year there were dragonflies, water voles and a pair of kingfishers that nest under the bridge by the third lock. The ecologists from the university come out every spring to count them.
SUNNIVA: [00:04:16] And people came back too. On a sunny Sunday there are families walking the towpath, people fishing, and the trip boat runs every hour in the summer. It's thirty people at a time, a volunteer skipper, and a running commentary from whoever is on duty.
HOST: [00:04:32] Do you ever do the commentary, Walter?
WALTER: [00:04:34] I'm not allowed. Apparently I talk about mortar for too long.
SUNNIVA: [00:04:38] Forty minutes. About mortar.
HOST: [00:04:41] I'd listen to that.
WALTER: [00:04:43] Thank you. You're the first.
= What comes next
HOST: [00:04:46] What's the next big job?
SUNNIVA: [00:04:48] The aqueduct. Halfway along, the canal crosses the river on a stone bridge, and the bridge has a crack right through the middle of it. Until it's repaired, we can't join the two halves of the canal together.
> [00:05:02] The engineers have given us a plan, and the estimate is just over two million. We've raised about a third. We're hoping to start work in the spring after next, if the last big grant comes through.
HOST: [00:05:16] And if it doesn't?
SUNNIVA: [00:05:18] Then we'll apply again, and again after that. Restoration is mostly patience and paperwork. The digging is the easy part.
WALTER: [00:05:25] The digging is not the easy part.
SUNNIVA: [00:05:27] It's the easy part for the treasurer.
HOST: [00:05:29] What about the people who live along the canal? Are they all in favour?
SUNNIVA: [00:05:33] Most of them are now. At the start there was a lot of worry about noise, about boats moored outside people's gardens, about parking on the lanes. We held meetings in the village hall every few months and listened, and we changed a few plans because of what people said. One farmer who was completely against us at the beginning now lends us his tractor.
WALTER: [00:05:52] And brings cake.
SUNNIVA: [00:05:54] And brings cake, yes. His wife's lemon cake is the real reason the volunteers come back.
HOST: [00:05:58] And if the aqueduct grant doesn't come through?
SUNNIVA: [00:06:01] Then we'll have another duck race.
WALTER: [00:06:03] A very large duck race.
HOST: [00:06:05] Last question, for both of you. Why does it matter? Why spend your weekends bringing back something the world decided it didn't need?
WALTER: [00:06:13] Because somebody built it by hand, with shovels, and it was beautiful, and it was a shame to let it disappear. That's really all there is to it for me.
SUNNIVA: [00:06:23] For me it's the people. I've met more friends on this towpath than anywhere else in my life. You dig a ditch with somebody for a few Saturdays, and you know them better than you know most of your colleagues.
HOST: [00:06:36] Walter Pennick and Sunniva Dahl, thank you both so much, and good luck with the aqueduct.
WALTER: [00:06:41] Thank you, Beatrix.
SUNNIVA: [00:06:42] Thanks for coming. Mind the edge on your way back.
""",
))

# ------------------------------------------------------------------------------------------ 15
EPISODES.append(dict(
    id="ho15_quiet_luthier_fast_host", seed=1515, style="fullname", format="mp3_48k_stereo_160k",
    speakers={
        "SASHA": dict(label="SASHA", full_name="Sasha Petrenko", role="host", voice="en-us+f5", rate=240, pitch=58),
        "ELIAS": dict(label="ELIAS", full_name="Elias Grummet", role="guest", voice="en-gb-x-rp+m6", rate=140,
                      pitch=36, gain_db=-12.0),
    },
    gaps=dict(first=0.6, sent=(0.25, 0.45), turn=(0.0, 0.25), para=(0.5, 0.8),
              sent_by={"ELIAS": (0.6, 1.1)}),
    noise=dict(snr_db=22.0, hum_hz=50, hum_share=0.3),
    reverb=[35, 50, 60],
    conditions=["host very fast (240 wpm), guest slow (140 wpm) and 12 dB quieter",
                "pink noise plus 50 Hz hum at 22 dB SNR re -20 dBFS speech (about 10 dB SNR for the guest)",
                "light reverb", "turn gaps 0-250 ms", "full name on its own line", "MP3 48 kHz stereo 160 kbit/s"],
    notes="Interview in a violin maker's workshop: a fast, close-miked host and a quiet, distant guest over a "
          "humming workshop.",
    script="""
= Introduction
SASHA: Hi everyone, welcome to Made By Hand, I'm Sasha Petrenko, and today I'm in a tiny workshop above a shoe shop with Elias Grummet, who has been making violins and cellos here for thirty one years. Elias, hello!
ELIAS: Hello. Welcome.
= Becoming a luthier
SASHA: So how does a person become a violin maker, is there a school, an apprenticeship, do you just start carving and hope for the best?
ELIAS: There are schools. I went to one in Germany for four years. But really you learn from the instruments themselves.
> Every old violin that comes in for repair teaches you something. How thick the maker left the top. Where the wood has cracked. What they got wrong.
SASHA: And how long does it take to make one violin from start to finish?
ELIAS: About two hundred hours. Spread over two or three months, because the varnish needs time to dry between coats.
= The wood
SASHA: Tell me about the wood, because I can see planks everywhere in here, on the walls, under the bench, even above the door.
ELIAS: Spruce for the top. Maple for the back and the sides. Some of the maple on that wall was cut before I was born.
SASHA: Why does it need to be so old?
ELIAS: It doesn't need to be old. It needs to be dry. And patient wood is usually old wood.
SASHA: I love that, patient wood, I'm going to steal that for the title of the episode.
ELIAS: Please do.
= Repairs
SASHA: Do you spend more time making new instruments or fixing old ones, because I noticed a cello on the bench over there that looks like somebody sat on it?
ELIAS: Somebody did sit on it. A student, on a train.
> Repairs pay the rent. New instruments are what I love. Most weeks it is three days of repairs and two days at my own bench.
SASHA: How do you even begin with something like that cello, with the top cracked right across?
ELIAS: Slowly. First the top comes off. Then every crack is glued and reinforced from the inside with small patches of spruce. It will take about a month.
SASHA: And will it sound the same afterwards?
ELIAS: Often better. Nobody believes that. But it is true.
SASHA: That's wonderful, the student must be so relieved, I would be absolutely terrified to tell my teacher.
ELIAS: She cried in the shop. Then her mother cried. Then I made tea.
= Sound
SASHA: Last question, and it's the one everybody asks, can a new violin really sound as good as an old Italian one?
ELIAS: In blind tests, players often cannot tell. Sometimes they prefer the new one. But the old ones have stories, and people pay for stories.
SASHA: Elias Grummet, thank you so much.
ELIAS: Thank you.
""",
))

# ------------------------------------------------------------------------------------------ 16
# Cold open of a two-turn exchange (host question + guest answer), repeated later in full.
EPISODES.append(dict(
    id="ho16_mushroom_forager_article", seed=1616, style="article", format="aac_m4a_44k_stereo_96k",
    speakers={
        "GRETA": dict(label="GRETA", full_name="Greta Lindholm", role="host", voice="en-us+f2", rate=172, pitch=52,
                      pan=-0.15),
        "OSWIN": dict(label="OSWIN", full_name="Oswin Tarrant", role="guest", voice="en-gb-x-gbclan+m1", rate=160,
                      pitch=40, gain_db=-3.0, pan=0.15),
        "PRIYA": dict(label="PRIYA", full_name="Priya Raman", role="guest", voice="en-gb-x-rp+f4", rate=182,
                      pitch=64, gain_db=-6.0, pan=0.3),
    },
    gaps=dict(first=0.5, sent=(0.30, 0.55), turn=(0.20, 0.60), para=(0.6, 0.9)),
    music=dict(wave="beat", bpm=112, bass=["D2", "x", "F2", "x", "G2", "A2", "x", "C2"], level_db=-22, bed_db=-34,
               outro=6.0, sponsor_lead=1.5, sponsor_tail=1.2),
    sponsor=dict(voice="en-us-nyc+m6", rate=196, pitch=48,
                 text="This episode is sponsored by Fernleaf Boots. Waterproof, resoleable and made to last. Find them "
                      "at fernleaf dot shop."),
    fx_db={"laugh": -25.0},
    conditions=["cold open: a two-turn exchange (question and answer) played first, then 8 s beat music alone; "
                "the same exchange is spoken again later (identical audio and text)", "3 speakers, PRIYA 6 dB quieter",
                "sponsor read over a beat bed, not in the transcript", "laughter sounds, not in the transcript",
                "article page", "AAC in M4A, stereo"],
    notes="Walk-and-talk with two mushroom foragers. Starts with a cold open; the transcript, as published, "
          "begins with the cold-open exchange.",
    article_head=[
        "Out with the foragers: what to pick, and what to leave alone",
        "Oswin Tarrant and Priya Raman in Bellhanger Wood (Photo: Greta Lindholm)",
        "Autumn is mushroom season, and every year the hospital sees people who guessed wrong. Greta Lindholm spent a "
        "morning in the woods with two experienced foragers.",
        "Listen to the episode above, or read the transcript.",
        "Read the transcript",
        "(This transcript has been lightly edited for clarity.)",
    ],
    article_foot=[
        "Never eat a wild mushroom unless an expert has identified it in person.",
        "About the author",
        "Greta Lindholm writes and presents Outside In, a podcast about the countryside for people who live in towns.",
        "Adjacent posts",
    ],
    script="""
= Cold open
GRETA: Have you ever made a mistake?
OSWIN: Once. Twenty years ago. I was in bed for three days, and I have never been so frightened in my life.
! music 8.0
= Welcome
GRETA: This is Outside In, I'm Greta Lindholm, and I'm standing in Bellhanger Wood on a damp October morning with two people who know far more about mushrooms than I do. Oswin Tarrant has been foraging here for thirty years, and Priya Raman leads guided walks for beginners. Good morning.
OSWIN: Morning.
PRIYA: Good morning, and welcome to the wettest wood in the county.
= The first rule
GRETA: Priya, what's the first thing you tell a beginner?
PRIYA: That most mushrooms are not worth eating, a few are delicious, and a small number will kill you. So the first rule is simple. If you are not completely sure, you leave it where it is.
OSWIN: And completely sure means sure. Not pretty sure.
GRETA: How do you get to completely sure?
PRIYA: Slowly. You learn one species at a time. You look at the cap, the gills, the stem, the smell, where it grows, and what's growing next to it. You check with somebody who knows, and then you check again next year.
! laugh 1.3
OSWIN: It sounds tedious, but it's the fun part.
! sponsor
= Mistakes
GRETA: Have you ever made a mistake?
OSWIN: Once. Twenty years ago. I was in bed for three days, and I have never been so frightened in my life.
GRETA: What happened?
OSWIN: I picked what I thought were field mushrooms at the edge of a car park. They were yellow stainers. Not deadly, but they make you very ill. I'd been careless because I was in a hurry, and that's exactly when it happens.
PRIYA: That's why he's so strict on my walks. [Laughs]
= What's out today
GRETA: What have we found so far this morning?
PRIYA: A basket of chanterelles, which are the golden ones with ridges instead of gills, a few hedgehog mushrooms, and one enormous puffball that Oswin is very proud of.
OSWIN: It's the size of a football.
PRIYA: It's the size of a grapefruit.
! laugh 1.2
GRETA: Oswin Tarrant and Priya Raman, thank you both.
OSWIN: Thank you, Greta.
PRIYA: Enjoy your chanterelles.
""",
))
