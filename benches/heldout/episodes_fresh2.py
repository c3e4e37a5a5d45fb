"""Six more fresh held-out-like episodes (ho24-ho29) for make.py --set fresh2. Where the fresh set had one
episode per condition of the corpus's dev episodes, this one puts conditions together in combinations that
ho01-ho23 do not use: a five-way round table in stereo with a quiet speaker, interjections, [crosstalk] and
laughter; a dense monologue of numbers, dates, money, abbreviations and URLs at 200 wpm; an interview where the
guest is fast (228 wpm, with fillers and an untranscribed auction chant) and the host slow (122 wpm); a phone-in
with a quiet phone caller and a music interlude and a sponsor read in the middle of the episode; an article page
around a three-voice stereo interview with editorial insertions, [crosstalk] and laughter; and a two-person
conversation transcribed as plain paragraphs without labels, in noise, with fillers from both speakers.
All texts are original and were written for this set; nothing in podcue was tuned on them. Voices, variants,
rates, pitches, gains, pans, seeds and formats differ from those ho01-ho23 use for the same condition.

Script syntax: '= Title' starts a chapter at the next paragraph; 'KEY: text' starts a turn;
'> text' is a further paragraph of the turn; '! sponsor' puts the sponsor read between turns;
'! music S' puts S seconds of music alone before the next paragraph, '! laugh S' a laughter sound
(not speech, not in the transcript).
In text, '{um,}' is a filler (spoken, not in the transcript) and '[Laughs]', '[crosstalk]' or '[the console]'
a tag (in the transcript, not spoken).
"""

EPISODES = []

# ------------------------------------------------------------------------------------------ 24
# Five-way round table in stereo (speakers panned across the field), one speaker 10 dB quieter, turn gaps
# 20-250 ms, one-word interjections (Right. Yes. Evening.), [crosstalk] where a turn is cut off, [Laughs]
# with a laughter sound after it.
EPISODES.append(dict(
    id="ho24_dark_sky_roundtable", seed=2424, style="clean", format="aac_m4a_44k_stereo_96k",
    speakers={
        "Hal": dict(label="Hal", full_name="Hal Pendry", role="moderator", voice="en-us+david", rate=172, pitch=44,
                    pan=0.0),
        "Ines": dict(label="Ines", full_name="Ines Calloway", role="panelist", voice="en-gb-scotland+anika",
                     rate=186, pitch=62, pan=-0.55),
        "Rowan": dict(label="Rowan", full_name="Rowan Achebe", role="panelist", voice="en-029+m6", rate=158,
                      pitch=38, pan=0.55),
        "Bea": dict(label="Bea", full_name="Bea Morrow", role="panelist", voice="en-gb-x-gbcwmd+steph", rate=170,
                    pitch=58, gain_db=-10.0, pan=-0.25),
        "Tomasz": dict(label="Tomasz", full_name="Tomasz Wilk", role="panelist", voice="en-us-nyc+travis",
                       rate=200, pitch=40, gain_db=-2.0, pan=0.3),
    },
    gaps=dict(first=0.6, sent=(0.15, 0.35), turn=(0.02, 0.25), para=(0.4, 0.6)),
    fx_db={"laugh": -26.0},
    conditions=["5-speaker round table", "Bea 10 dB quieter, Tomasz 2 dB quieter", "turn gaps 20-250 ms",
                "one-word interjection turns (Right. Yes. Evening. No?)",
                "[crosstalk] and [Laughs] tags, not spoken; laughter sounds (not speech) between turns",
                "stereo: speakers panned from -0.55 to +0.55", "mixed-case Name: labels", "AAC in M4A, stereo"],
    notes="Local radio round table on whether a small town should apply for dark sky status: a moderator and "
          "four panelists (one quiet), fast turn-taking, interjections, crosstalk marks and laughter.",
    script="""
= Welcome
Hal: Good evening, and welcome to Town Hall, the programme where we put one local question to the people who have to live with the answer. Tonight's question is whether Kestle Bridge should apply to become a dark sky community. Around the table I have Ines Calloway from the astronomy club, Rowan Achebe, who designs street lighting, Bea Morrow, who runs the hardware shop on Mill Lane, and Tomasz Wilk from the parish council. Welcome, all of you.
Ines: Thank you, Hal.
Rowan: Evening.
Tomasz: Good to be here.
Bea: Hello.
= What it means
Hal: Ines, start us off. What is a dark sky community?
Ines: It's a status given by an international association to towns that agree to keep their outdoor lighting under control. Lights point down, they're warm in colour, and they're not left on all night when nobody needs them. In return you get a sky where you can see the Milky Way from your back garden.
Hal: And right now you can't?
Ines: Right now, on a clear night, you can see maybe two hundred stars from the market square. Out at the reservoir you can see about two thousand.
Tomasz: Two thousand?
Ines: Roughly, yes. I have counted. [Laughs]
! laugh 1.3
Hal: Rowan, what would actually have to change?
Rowan: Less than people fear. Most of the street lights were replaced with LEDs in 2019, and they already point downwards. The problem is the colour. They're a very cold blue white, and blue light scatters much more in the air.
Hal: So you would swap them all again?
Rowan: No, you can change the lamp inside the same head. It's about sixty pounds a column, and we have four hundred and ten columns.
Tomasz: Which is, what, twenty-four thousand pounds?
Rowan: Nearer twenty-five with labour.
Tomasz: Right.
= The high street
Hal: Bea, you run a shop on the high street. What worries you?
Bea: Mostly the signs. If people can't see that we're open, they drive straight on to the retail park.
Ines: But the rules don't say switch your sign off.
Bea: No?
Ines: No. They say point it down, and turn it off when you close.
Bea: Well, that I could live with.
Tomasz: The petrol station is the real problem. That forecourt is lit up like a football ground until eleven at night, and the owner lives two hundred miles away, and [crosstalk]
Hal: Let's take those one at a time.
= Safety
Hal: The obvious objection is safety. Tomasz, the council must have had letters.
Tomasz: Forty-one letters. Most of them say the same thing. People walking home from the station at night want to see where they are going, and they want to see who else is there.
Rowan: Which is fair.
Tomasz: It is fair.
Rowan: But brighter isn't always safer. Glare makes the shadows darker. A warm, even light at a lower level lets your eyes adapt, so you can actually see further.
Bea: I'd want to see that before I believed it.
Hal: Could you test it?
Rowan: We could do one street first. Station Road, say, for three months, and then ask people how it felt.
Ines: Yes.
Tomasz: Yes, I'd support that.
Bea: So would I.
= Visitors
Hal: Is there any money in it for the town?
Ines: There is. The village of Hollins Cross got its status in 2021, and now they run star parties every winter. The pub does telescope evenings, the campsite stays open in February, and the bed and breakfasts are full on moonless weekends.
Bea: Full in February?
Ines: Full in February.
Bea: Well, that would make a change. [Laughs]
! laugh 1.1
Tomasz: We'd need somewhere for people to park, though, away from the houses.
Rowan: The old cattle market. It's flat, it's empty, and it's already dark.
Hal: Right. We're nearly out of time, so one sentence each. Would you apply? Ines?
Ines: Yes, tomorrow.
Rowan: Yes, starting with Station Road.
Tomasz: Yes, if the trial works.
Bea: Probably. Ask me again in three months.
Hal: Ines Calloway, Rowan Achebe, Tomasz Wilk and Bea Morrow, thank you. That's Town Hall for this week. Goodnight.
""",
))

# ------------------------------------------------------------------------------------------ 25
# Monologue under a single NAME: label (clean style, chapters not marked in the transcript), dense with
# numbers, dates, times, money, percentages, abbreviations (St., Dr., i.e., e.g., a.m., p.m., GPS, 10K), race
# times and URLs / an e-mail address, read at 200 wpm; light pink noise.
EPISODES.append(dict(
    id="ho25_race_numbers_monologue", seed=2525, style="clean", format="ogg_vorbis_48k_mono_q3",
    speakers={
        "TEODOR": dict(label="TEODOR", full_name="Teodor Blyth", role="narrator", voice="en-gb-x-rp+robert",
                       rate=200, pitch=48),
    },
    gaps=dict(first=0.8, sent=(0.25, 0.45), turn=(0.5, 0.9), para=(0.7, 1.0)),
    noise=dict(snr_db=26.0, hum_hz=0, hum_share=0.0),
    conditions=["monologue under one NAME: label, paragraphs", "200 wpm",
                "dense numbers: dates, clock and race times, dollar amounts, percentages, distances",
                "abbreviations and acronyms St. Dr. i.e. e.g. a.m. p.m. GPS 10K",
                "URLs and an e-mail address spoken", "pink noise at 26 dB SNR", "Ogg Vorbis 48 kHz mono q3"],
    notes="A race director reads through the numbers of last year's half marathon: entries, times, money, "
          "volunteers and next year's dates, with web addresses.",
    script="""
= Welcome
TEODOR: Hello, and welcome to Finish Line, the podcast about running events and the people who organise them. I'm Teodor Blyth, and for the last eleven years I have been the race director of the Harbourside Half Marathon. Every January I sit down with a spreadsheet and go through the numbers from the previous race, and this year I thought I would do it out loud.
= Entries
> The 2024 race was held on Sunday, 14 April. We opened entries at 9 a.m. on 1 October 2023, and all 6,500 places were gone by 4:15 p.m. the same day. That is a little over seven hours, compared with nine days in 2019.
> An entry cost $48 if you booked before Christmas and $55 after that, with a $10 discount for members of an affiliated club. About 38% of our runners used that discount.
> Of the 6,500 people who entered, 5,912 actually started, and 5,874 finished. That means 588 did not turn up, or roughly 9%, which is normal for a spring race. Injury, illness, and, in one case I know of, a wedding that was moved.
= The course
> The course is 21.1 kilometres, or 13.1 miles if you prefer, starting on Dock Street and finishing outside St. Nicholas church. It was measured in November by Dr. Imelda Rourke, a certified course measurer, with a calibrated bicycle rather than GPS, about four hours of cycling and a great deal of chalk.
> The winning time in the men's race was 1:03:52, by Samuel Kiprono of the Eastgate Harriers. The women's race was won by Alinta Marsh in 1:11:08, a course record by 41 seconds. The last official finisher crossed the line at 3:29:40, twenty seconds inside the cut-off, to the loudest cheer of the day.
= Money
> Now the part nobody asks about. Our total income was $402,600. Entry fees brought in $314,000, sponsors $71,500, and the rest came from merchandise, mostly hats.
> We spent $368,900. The biggest items were road closures and traffic management at $96,000, medical cover at $41,300, and insurance at $18,750. Timing chips cost $2.75 per runner. We ordered 6,000 medals at $3.10 each, i.e. $18,600, and yes, we had 126 left over.
> That left a surplus of $33,700. Half of it goes to this year's charity partner, the Harbour Lifeboat Station, and half stays in reserve in case a race is ever cancelled. In 2020 it was, and the reserve is the only reason we could refund every runner in full.
= Volunteers
> None of this happens without volunteers. We had 742 of them this year, from 14 local clubs, three schools and the Scouts, and they do every job, e.g. marshalling, the baggage tent and the medal table. They handed out roughly 41,000 cups of water at six drink stations, i.e. at miles 3, 5, 7, 9, 11 and 12.
> The first marshals arrive at 5:30 a.m. The last of them leave at about 2 p.m., after the final barrier has been loaded onto a lorry.
= Next year
> The 2025 race is on Sunday, 6 April, and entries open on 1 October at 9 a.m. sharp. You can find everything at www.harbourhalf.org/2025, and if you would like to volunteer, write to crew@harbourhalf.org. This year's full results are at www.harbourhalf.org/results, including the 10K split for every runner.
> We are also trying something new. The first 250 places will be held back for people who have never run a half marathon before, at a reduced fee of $35, and the city health department has agreed to pay for a twelve-week training plan for each of them.
> That is the year in numbers. Thank you to every runner, every volunteer and every neighbour on Dock Street who put up with us for a morning. I'm Teodor Blyth, and I will see you on 6 April.
""",
))

# ------------------------------------------------------------------------------------------ 26
# Interview with the speeds the other way round: a slow host (122 wpm, long pauses between her sentences) and a
# very fast guest (228 wpm, long run-on sentences) who says fillers and, once, a 5 s auction chant that the
# transcript replaces by a [chant] tag; full names on their own line; stereo.
EPISODES.append(dict(
    id="ho26_auctioneer_fast_guest", seed=2626, style="fullname", format="mp3_44k_stereo_128k",
    speakers={
        "MORAG": dict(label="MORAG", full_name="Morag Finlay", role="host", voice="en-gb-scotland+linda", rate=122,
                      pitch=48, pan=-0.35),
        "CLAYTON": dict(label="CLAYTON", full_name="Clayton Burdette", role="guest", voice="en-us+quincy", rate=228,
                        pitch=42, gain_db=-1.5, pan=0.35),
    },
    gaps=dict(first=0.8, sent=(0.12, 0.30), turn=(0.35, 0.80), para=(0.5, 0.8),
              sent_by={"MORAG": (0.7, 1.2)}),
    conditions=["2-speaker interview", "slow host (122 wpm, 0.7-1.2 s between her sentences), very fast guest "
                "(228 wpm, 0.12-0.3 s between sentences, long run-on sentences)",
                "guest fillers um/uh/you know/I mean spoken, not in the transcript",
                "a 5 s auction chant spoken by the guest, replaced by [chant] in the transcript",
                "[Laughs] tags", "full name on its own line", "stereo: host left, guest right, guest 1.5 dB quieter",
                "MP3 44.1 kHz stereo 128 kbit/s"],
    notes="Interview with a livestock auctioneer: the host speaks slowly, the guest very fast, with fillers and a "
          "burst of auction chant that the transcript does not write out.",
    script="""
= Introduction
MORAG: This is Slow Lane. I'm Morag Finlay. On this programme we usually talk to people who take their time. Today is different. My guest is Clayton Burdette. He has been a livestock auctioneer for twenty-six years. He is, by some distance, the fastest talker I have ever met. Clayton, welcome.
CLAYTON: Thank you, Morag, it's a real pleasure, and I promise I'll try to slow down, although {um,} my wife says I've been promising that since about 1998 and it hasn't happened yet.
= The chant
MORAG: Let's start with the sound. What is the chant?
CLAYTON: So the chant is really just the price, said over and over, with a few little filler words in between to keep the rhythm going. If I'm asking for five hundred, I'm saying five hundred dollar bid, now six, now six, will you give me six, and the filler words are only there so there's never any silence, because {you know,} silence in a sale ring is where the money goes to die.
MORAG: Why does silence matter so much?
CLAYTON: Because when it goes quiet, people start thinking, and when people start thinking they start doubting, and a doubting buyer puts his hand in his pocket instead of in the air. The rhythm keeps everybody in the game, {uh,} it keeps the energy up, and it tells the room we are moving and we are not going to wait for you.
MORAG: Can you do a little of it for us?
CLAYTON: Sure, but only a little, because my voice has to last till Saturday. So picture a pen of six heifers, and off we go, [chant] {twenty dollar bid, now thirty, thirty, will you give me thirty, thirty dollar bid, now forty, forty, will you go forty, forty dollar,} and sold, to the lady in the front row.
MORAG: That was remarkable. I understood the word sold.
CLAYTON: That's the only word that really matters. [Laughs]
= Learning the trade
MORAG: How did you learn? Were you always fast?
CLAYTON: I was a fast talker as a kid, my teachers would tell you that, but the chant is a skill, it's not just talking fast. I went to auction school in Missouri when I was nineteen, two weeks, {um,} eight hours a day, and you spend the first three days just saying numbers, one to a hundred, forwards and backwards, with a pencil between your teeth.
MORAG: A pencil?
CLAYTON: It makes your lips and your tongue work harder, so when you take it out, everything comes out cleaner. My instructor, an old fellow called Harlan Pruitt, used to say if they can't understand the number, they can't bid on it.
MORAG: So clarity matters more than speed.
CLAYTON: Always. Speed without clarity is just noise. The best auctioneers I know, {I mean,} the really good ones, are not actually the fastest, they're the ones where every buyer in the room knows the exact price at every moment.
= Sale day
MORAG: Tell me about a normal sale day.
CLAYTON: Tuesday is cattle day at the Red Fork sale barn. I get there about six, drink too much coffee, walk the pens with the owners, and we start selling at nine. On a big day we might sell fourteen hundred head, and I'll be up in the box for five or six hours with maybe two short breaks.
MORAG: Five or six hours of that?
CLAYTON: It's a workout. I drink warm water with honey, never anything cold, and I don't talk at all on Monday evenings, which my kids say is the best night of the week. [Laughs]
MORAG: What is the hardest part?
CLAYTON: Honestly, it's reading the room. You've got maybe two hundred buyers, and half of them bid with a nod or a finger or a wink, and you have to catch every one of them and never, ever take a bid from a man who was just scratching his nose.
= Slowing down
MORAG: Last question. Do you ever slow down?
CLAYTON: On Sundays. I sing in the church choir, and the director always gives me the slow hymns, which I think is her idea of a joke.
MORAG: Clayton Burdette, thank you.
CLAYTON: Thank you, Morag, this was fun, and {uh,} I'm sorry for talking so fast.
""",
))

# ------------------------------------------------------------------------------------------ 27
# Phone-in that starts straight with speech (no intro music): a music interlude alone in the middle, between
# two segments, and a sponsor read over a bed between later turns; one phone caller 9 dB quieter with line
# hiss; sawtooth chord music; outro.
EPISODES.append(dict(
    id="ho27_bird_table_phonein", seed=2727, style="clean", format="mp3_22k_mono_48k",
    speakers={
        "DELPHINE": dict(label="DELPHINE", full_name="Delphine Obi", role="host", voice="en-029+klatt4", rate=176,
                         pitch=52),
        "MIRIAM": dict(label="MIRIAM", full_name="Miriam Sallow", role="guest", voice="en+aunty", rate=156,
                       pitch=60, gain_db=-1.0),
        "GERAINT": dict(label="GERAINT", full_name="Geraint Pugh", role="caller", voice="en-us-nyc+paul", rate=184,
                        pitch=40, phone=True, line_noise_db=-24.0, gain_db=-9.0),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.55), turn=(0.30, 0.75), para=(0.5, 0.8)),
    music=dict(chords=["G3 B3 D4", "E3 G3 B3", "C3 E3 G3", "D3 F#3 A3"], chord_s=1.9, wave="sawtooth",
               level_db=-23, bed_db=-34, outro=6.0, sponsor_lead=1.5, sponsor_tail=1.2),
    sponsor=dict(voice="en-gb-x-gbclan+max", rate=194, pitch=46,
                 text="The Bird Table is supported by Hedgerow Seed Company, growers of wild bird food on their own "
                      "farm since 1987. Visit hedgerow seed dot co dot uk for ten percent off your first order."),
    conditions=["radio phone-in: host, studio guest and one phone caller", "no intro music: speech from 0.6 s",
                "5.5 s of sawtooth chord music alone mid-episode, between two segments",
                "sponsor read (third voice, not in the transcript) over a music bed between later turns",
                "caller band-limited 300-3400 Hz, mu-law, line hiss 24 dB below speech, 9 dB quieter",
                "6 s outro", "[Laughs] tag", "clean NAME: transcript (capitals)", "MP3 22.05 kHz mono 48 kbit/s"],
    notes="Monthly garden-birds phone-in: a host and an ornithologist in the studio, one caller on a telephone "
          "line; music between segments and a sponsor read in the middle of the episode.",
    script="""
= Welcome
DELPHINE: Good afternoon, and welcome to The Bird Table, the programme about the birds outside your window. I'm Delphine Obi, and in the studio with me, as every month, is the ornithologist Miriam Sallow. Miriam, hello.
MIRIAM: Hello, Delphine. Lovely to be back.
= Winter feeding
DELPHINE: It's February, and most of your letters this month are about feeding. People want to know whether they are doing it right.
MIRIAM: The short answer is that almost any feeding helps in a cold snap. The long answer is that different birds want different things. Sunflower hearts are the closest thing to a universal food. Finches love them, tits love them, and there are no husks left all over the lawn.
> Fat balls are good in winter, but take them out of the plastic nets first. Birds catch their feet in the mesh, and it's a horrible way to go.
DELPHINE: What about bread?
MIRIAM: Bread fills them up without giving them much. A little soaked bread is fine. A whole loaf on the lawn just feeds the rats.
DELPHINE: Noted. [Laughs] And water?
MIRIAM: Water matters as much as food in a freeze. A shallow dish, changed every day, with a flat stone in the middle so the small birds can stand in it. If it freezes over, a little warm water from the kettle will do. Never add salt, and never anything from the garage.
! music 5.5
= Your calls
DELPHINE: The lines are open now, and our first caller is Geraint, who is ringing from near Aberaeron. Geraint, good afternoon.
GERAINT: Afternoon, Delphine. Afternoon, Miriam. I've got a question about a woodpecker.
MIRIAM: Go on.
GERAINT: Every morning at about half past seven, a great spotted woodpecker lands on my fat feeder and chases everything else off. Then he starts drumming on the telegraph pole at the end of the garden. Is he trying to get in?
MIRIAM: He's not trying to get in. He's advertising. Drumming is how woodpeckers sing. He's telling every other woodpecker that this is his patch, and a hollow pole makes a wonderful loud noise.
GERAINT: So it's a love song.
MIRIAM: Partly a love song and partly a warning. You may well see a female with him by March.
GERAINT: My wife will be thrilled. She's been complaining about the noise since Christmas.
DELPHINE: Geraint, thank you for calling.
GERAINT: Thanks very much. Cheerio.
! sponsor
= Nest boxes
DELPHINE: Miriam, this is also the month to put up nest boxes, isn't it?
MIRIAM: It is, and it's earlier than most people think. Birds start looking for sites in February. Face the box somewhere between north and east, so it's out of the afternoon sun, and put it at least two metres up, where cats can't reach.
DELPHINE: And the hole?
MIRIAM: The hole decides who moves in. Twenty-five millimetres for blue tits, twenty-eight for great tits, and thirty-two if you want house sparrows.
> And don't clean it out until the autumn. Sometimes a pair will raise a second brood in the same box.
DELPHINE: Does it matter what the box is made of?
MIRIAM: Wood is best, at least fifteen millimetres thick, so the chicks don't cook in a warm spell. Avoid anything painted on the inside, and avoid the pretty ones with a little perch under the hole. Birds don't need the perch, but magpies and squirrels find it very useful.
DELPHINE: So the perch is for the burglars.
MIRIAM: Exactly.
DELPHINE: Miriam Sallow, thank you. That's The Bird Table for this month. Keep your feeders full, and keep your cats indoors at dawn.
""",
))

# ------------------------------------------------------------------------------------------ 28
# Article page around a 3-voice interview in 16-bit stereo WAV: host centre, guests panned hard-ish left and
# right; editorial insertions ([the console]), [crosstalk], [Laughs] with laughter sounds, one [inaudible]
# where four words are spoken but not transcribed; curly quotes and an em dash.
EPISODES.append(dict(
    id="ho28_cinema_organ_article", seed=2828, style="article", format="wav_44k_stereo_s16",
    speakers={
        "NELL": dict(label="NELL", full_name="Nell Garroway", role="host", voice="en-us+Annie", rate=168, pitch=54,
                     pan=0.0),
        "FERGUS": dict(label="FERGUS", full_name="Fergus Lamont", role="guest", voice="en-gb-x-gbcwmd+iven",
                       rate=150, pitch=40, gain_db=-1.0, pan=-0.5),
        "CORA": dict(label="CORA", full_name="Cora Petrakis", role="guest", voice="en-gb-x-rp+belinda", rate=184,
                     pitch=60, gain_db=-3.0, pan=0.5),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.55), turn=(0.15, 0.60), para=(0.6, 0.9)),
    fx_db={"laugh": -26.0},
    conditions=["3-speaker interview", "article page (headline, caption, intro, note, footer not spoken)",
                "editorial insertion [the console], [crosstalk] and [Laughs] tags, not spoken",
                "[inaudible] in the transcript where four words are spoken (listed as a filler)",
                "laughter sounds (not speech) after three [Laughs] tags", "curly quotes and an em dash",
                "stereo: host centre, FERGUS left (-0.5, 1 dB quieter), CORA right (+0.5, 3 dB quieter)",
                "WAV 44.1 kHz stereo 16-bit"],
    notes="Interview in an empty 1930s cinema with the man who rebuilt its organ and the chair of the trust that "
          "bought the building; the transcript is an article page.",
    article_head=[
        "Rising again: the Regal\u2019s organ will play for the first time since 1986",
        "Fergus Lamont at the console of the restored organ, in front of the Regal\u2019s screen "
        "(Photo: Ottilie Marsh/Second Act)",
        "When the Regal Cinema in Thornbury closed, its organ was left to rot behind the screen. Nell Garroway met "
        "the man who rebuilt it pipe by pipe, and the woman who raised the money to bring the whole building back.",
        "Listen to the episode with the player above, or read the full transcript below.",
        "Transcript",
        "(Our transcripts are made by people and software together and may contain errors.)",
    ],
    article_foot=[
        "The Regal reopens on 12 October. Tickets for the opening night are on sale at the box office on Castle "
        "Street.",
        "Second Act is produced by Nell Garroway with help from the Thornbury Sound Archive.",
        "More episodes",
        "Share this page",
    ],
    script="""
= Welcome
NELL: Hello, and welcome to Second Act, where we visit old things that are getting a new life. I\u2019m Nell Garroway, and I\u2019m sitting in row F of the Regal Cinema in Thornbury, a 1930s picture house that closed in 1986 and is about to reopen. Beside me are Fergus Lamont, who has spent four years rebuilding the cinema\u2019s organ, and Cora Petrakis, who chairs the Regal Trust. Welcome to you both.
FERGUS: Thank you, Nell.
CORA: It\u2019s lovely to have you here.
= The organ
NELL: Fergus, most people don\u2019t know that cinemas had organs at all. What was it for?
FERGUS: Before the talkies, it played the film. One organist could sound like a whole orchestra, with drums, bells, a xylophone, even a car horn. When sound films arrived, the organ stayed on for the intervals. It [the console] would rise up out of the floor, all lit up in colours, and the audience would sing along.
CORA: My grandmother used to talk about that. She said it was the best part of the evening. [Laughs]
! laugh 1.2
NELL: What state was it in when you found it?
FERGUS: Awful. The pipes live in a chamber behind the screen, and a gutter had been leaking into it for about thirty years. Of the 1,046 pipes, we could save about 700. The rest we had to remake, and the leather in the bellows had simply turned to dust.
NELL: How do you even begin?
FERGUS: With photographs and labels. Every pipe came out, got a number and went into a box. My workshop looked like a very strange library for a while.
NELL: And what does it sound like now?
FERGUS: Big. Bigger than you would expect in a room this size. The longest pipe is sixteen feet, and when it plays you feel it in the seats before you hear it. The smallest is about the size of a pencil.
CORA: The first time he played it for the committee, the whole room went quiet. I think one of us was crying.
FERGUS: That was me. [Laughs]
! laugh 1.0
= The money
NELL: Cora, how does a small town pay for all this?
CORA: Slowly. [crosstalk] The trust bought the building from the council for one pound in 2017, which sounds like a bargain until you see the roof.
FERGUS: The roof was worse than the organ.
CORA: Much worse. Altogether we\u2019ve raised 2.3 million pounds \u2014 about a third from the lottery, a third from grants, and a third from people in the town, who have held every kind of event you can imagine.
NELL: Any favourites?
CORA: A sponsored silent film night, where the audience had to stay completely silent for two hours. We raised 4,000 pounds, and nobody lasted more than ten minutes. [Laughs]
! laugh 1.5
= Opening night
NELL: So when do the doors open?
CORA: On the 12th of October. We\u2019re showing The General, the Buster Keaton film from 1926, with the organ playing live. The organist is a young woman from Leeds who is twenty-three and, frankly, better than anyone I\u2019ve ever heard.
FERGUS: She practises here on Thursday nights. I sit in the back row [inaudible] {over by the stairs,} and listen for leaks.
NELL: And the organ will rise out of the floor?
FERGUS: It will. The lift motor is the original one from 1936. We rewound it by hand. If it sticks halfway, I\u2019ll be under the stage with a crank handle.
CORA: [crosstalk] He\u2019s rehearsed that, too.
NELL: Fergus Lamont and Cora Petrakis, thank you.
FERGUS: Thank you.
CORA: Thank you, Nell. Come to the opening.
""",
))

# ------------------------------------------------------------------------------------------ 29
# A two-person conversation transcribed as plain paragraphs (no speaker labels, no headings), pink noise plus
# 50 Hz hum at 16 dB SNR, fillers from both speakers that the transcript leaves out; 16 kHz WAV.
EPISODES.append(dict(
    id="ho29_seed_tins_plain_noisy", seed=2929, style="plain", format="wav_16k_mono_s16",
    title="The Seed Tins",
    speakers={
        "ORLA": dict(label="ORLA", full_name="Orla Keane", role="speaker", voice="en-gb-x-gbclan+f5", rate=148,
                     pitch=60, gain_db=-2.0),
        "JEM": dict(label="JEM", full_name="Jem Keane", role="speaker", voice="en-029+benjamin", rate=164, pitch=42),
    },
    gaps=dict(first=0.9, sent=(0.30, 0.60), turn=(0.30, 0.80), para=(0.5, 0.8)),
    noise=dict(snr_db=16.0, hum_hz=50, hum_share=0.2),
    conditions=["2-speaker conversation transcribed as plain paragraphs: no speaker labels, no headings",
                "fillers um/uh/I mean/you know spoken by both speakers, not in the transcript",
                "pink noise plus 50 Hz hum at 16 dB SNR", "many short turns", "ORLA 2 dB quieter",
                "single chapter", "WAV 16 kHz mono 16-bit"],
    notes="Two siblings sort their grandmother's seed tins in her shed (background noise); the transcript is plain "
          "paragraphs, one per turn, with no speaker names, and leaves out both speakers' fillers.",
    script="""
= The Seed Tins
ORLA: Right, {um,} I think this is the last shelf. Can you pass me the torch?
JEM: Here. What's up there?
ORLA: More tins. Old toffee tins, {uh,} biscuit tins, a tea caddy with a picture of a lighthouse on it. They're all full of envelopes.
JEM: Seeds?
ORLA: Seeds. Every envelope has a name and a year on it, in Gran's handwriting. This one says runner bean, Painted Lady, 1994.
JEM: Nineteen ninety-four. Would they even still grow?
ORLA: Beans might. She always said, {I mean,} beans were tough. Tomatoes, maybe not.
JEM: There must be two hundred envelopes here. So what do we, {um,} do with them all?
ORLA: I rang the seed library in town yesterday. The woman there, {uh,} Gwen, said to bring everything in and they would test a few from each packet.
JEM: Test them how?
ORLA: You fold ten seeds into a damp paper towel, put it in a plastic bag somewhere warm, and count how many sprout after a week or two. If seven come up, you've got seventy percent.
JEM: That's easy enough. We could do that on the kitchen windowsill.
ORLA: We could. But Gwen was more excited about the names than the seeds. She said some of these varieties aren't sold anymore. Gran saved them herself, {you know,} year after year, from her best plants.
JEM: So they're sort of used to her garden.
ORLA: Exactly. Forty years in the same soil, with the same wind coming off the hill. Gwen called it a local strain.
JEM: I {um,} remember those beans. She used to make us pick them in August, and we'd eat half of them raw behind the shed.
ORLA: And she pretended not to notice.
JEM: She noticed. She just planted more.
ORLA: She did that with everything, didn't she? If something went missing from the garden, she grew twice as much of it the next year.
JEM: Except the strawberries. She put a net over those, {uh,} the year we found them.
ORLA: That was because of the blackbirds, not us.
JEM: That's what she told you.
ORLA: Look at this one. It doesn't say a variety, it just says, {uh,} "Dad's leeks, do not give away."
JEM: Well, we can't give those away, then.
ORLA: No. We'll grow those ourselves. Everything else can go to Gwen, and we keep a handful of each.
JEM: Deal. I'll get a box from the car, and {uh,} we should write a list before anything gets mixed up.
ORLA: Good idea. I'll read them out, and you write.
JEM: Go on, then.
ORLA: Tomato, Gardener's Delight, 2008. Lettuce, no name, 2011. Parsnip, Tender and True, 1999. Sweet pea, for the front wall, 2015.
JEM: Slow down, slow down.
ORLA: Sorry. Sweet pea, {um,} for the front wall, 2015.
JEM: Got it. Keep going. How many tins are left?
ORLA: Six. And there's one more at the back that's taped shut.
JEM: Taped shut? Open that one first.
ORLA: It's more envelopes. And a note. It says, if you are reading this, water the beans.
JEM: That's Gran, all right.
""",
))
