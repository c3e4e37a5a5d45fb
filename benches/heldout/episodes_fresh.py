"""Seven fresh held-out-like episodes (ho17-ho23) for make.py --set fresh, one per condition of the shared
corpus's seven dev episodes (article interview, fast quiet-speaker panel, noise with fillers, reverb with music
and a sponsor read, Markdown monologue, slow plain monologue, very different speaking rates). All texts are
original and were written for this set; nothing in podcue was tuned on them. Voices, variants, rates, pitches,
gains, seeds and formats differ from those ho01-ho16 use for the same condition.

Script syntax: '= Title' starts a chapter at the next paragraph; 'KEY: text' starts a turn;
'> text' is a further paragraph of the turn; '! sponsor' puts the sponsor read between turns.
In text, '{um,}' is a filler (spoken, not in the transcript) and '[Laughs]' or '[the transmitter]' a tag
(in the transcript, not spoken).
"""

EPISODES = []

# ------------------------------------------------------------------------------------------ 17
# like dev01_solar_coop: article page around a 2-speaker interview, clean pauses, an editorial insertion,
# [Laughs], curly apostrophes and a dash.
EPISODES.append(dict(
    id="ho17_radio_hill_article", seed=1717, style="article", format="ogg_vorbis_44k_stereo_q4",
    speakers={
        "ASTRID": dict(label="ASTRID", full_name="Astrid Nakamura", role="host", voice="en-gb-scotland+f4", rate=166,
                       pitch=54, pan=-0.25),
        "OTIS": dict(label="OTIS", full_name="Otis Fairweather", role="guest", voice="en-us+m8", rate=152, pitch=38,
                     gain_db=-2.0, pan=0.25),
    },
    gaps=dict(first=0.7, sent=(0.30, 0.55), turn=(0.55, 1.10), para=(0.6, 0.95)),
    conditions=["2-speaker interview", "clean pauses (turn gaps 0.55-1.1 s)",
                "article page (headline, caption, intro, note, footer not spoken)",
                "bracketed editorial insertions ([for listeners outside Brackenford], [the transmitter]) and [Laughs], "
                "not spoken", "curly apostrophes and an em dash in the transcript", "numbers and years in the text",
                "stereo: host panned left, guest right, guest 2 dB quieter", "Ogg Vorbis 44.1 kHz stereo q4"],
    notes="Interview with the engineer of a revived community radio station. The transcript is an article page; "
          "only the turns are spoken.",
    article_head=[
        "The little station on Quarry Hill is back on the air",
        "Otis Fairweather adjusts the new aerial on the roof of the old fire station (Photo: Maud Ellery/The Signal)",
        "For nine years the town of Brackenford had no local radio at all. Then a retired electrician, a second hand "
        "transmitter and about two hundred volunteers changed that. Astrid Nakamura went up Quarry Hill to find out how.",
        "Listen to the full conversation with the player above, or read the transcript below.",
        "Read the transcript",
        "(This interview has been edited for length and clarity.)",
    ],
    article_foot=[
        "Brackenford Community Radio broadcasts every day from seven in the morning until midnight.",
        "About the author",
        "Astrid Nakamura is a producer at The Signal, where she covers local media, small towns and the people who "
        "keep them talking.",
        "Adjacent posts",
    ],
    script="""
= Welcome
ASTRID: Hello, and welcome to The Signal. I\u2019m Astrid Nakamura. Today I\u2019m in a converted fire station at the top of Quarry Hill, which is now the home of Brackenford Community Radio. With me is Otis Fairweather, the station\u2019s chief engineer and, as far as I can tell, its only engineer. Otis, welcome.
OTIS: Thanks, Astrid. Chief engineer is a generous title. Mostly I carry ladders. [Laughs]
= Nine years of silence
ASTRID: So, [for listeners outside Brackenford] tell us what happened to the old station.
OTIS: The old station closed in 2013. It belonged to a company in the city, and one Friday they announced that the last programme would go out that Sunday. The presenters found out the same morning as everybody else.
> After that, the only local news was the noticeboard outside the post office. If the bridge flooded, you found out when you got there.
ASTRID: So how did the new station begin?
OTIS: With a phone call from a woman called Bernadette Quill. She ran the choir, the lunch club and about six other things, and she said the town needed its voice back. I told her it would cost a fortune. She said \u2014 and I remember this exactly \u2014 then we had better start saving.
= The transmitter
ASTRID: Let\u2019s talk about the hardware. Where did the transmitter come from?
OTIS: We bought it [the transmitter] second hand from a station on the coast that was upgrading. It cost 3,800 pounds, which was more than we had, so Bernadette organised a sponsored silence. Forty children kept quiet for a whole afternoon and raised 1,100 pounds. [Laughs]
> I drove down in a borrowed van and brought it home wrapped in duvets. It sat on the floor of my garage for a month while we waited for the licence.
ASTRID: And the aerial is on this roof?
OTIS: On the old hose tower, 22 metres up. That\u2019s why the station is here. From the top you can see four villages, and every one of them can hear us.
= The people
ASTRID: Who makes the programmes?
OTIS: About two hundred volunteers. The youngest presenter is fourteen and does a Saturday show about football. The oldest is ninety-one and reads the obituaries on Tuesdays, which is far more popular than it sounds.
ASTRID: What\u2019s the most listened-to show?
OTIS: The lost and found hour. Dogs, cats, keys, one tortoise. We\u2019ve reunited 312 pets with their owners since 2022.
ASTRID: Otis Fairweather, thank you.
OTIS: Thank you, Astrid. And if anyone\u2019s found a tortoise, ring the station.
""",
))

# ------------------------------------------------------------------------------------------ 18
# like dev02_tree_panel: 3-speaker panel, turn gaps 0-150 ms, one speaker 7 dB quieter, short interjections.
EPISODES.append(dict(
    id="ho18_allotment_panel", seed=1818, style="clean", format="mp3_44k_mono_96k",
    speakers={
        "MARISOL": dict(label="MARISOL", full_name="Marisol Brandt", role="moderator", voice="en-gb-x-gbcwmd+f2",
                        rate=176, pitch=57),
        "TOBIAS": dict(label="TOBIAS", full_name="Tobias Grunewald", role="panelist", voice="en-us+Andy", rate=164,
                       pitch=40, gain_db=-7.0),
        "WREN": dict(label="WREN", full_name="Wren Adebayo", role="panelist", voice="en-029+f2", rate=192, pitch=63),
    },
    gaps=dict(first=0.5, sent=(0.20, 0.40), turn=(0.0, 0.15), para=(0.4, 0.6)),
    conditions=["3-speaker panel", "fast turn-taking (turn gaps 0-150 ms)", "TOBIAS 7 dB quieter",
                "short interjection turns (Four. Fences. Much less.)", "[Laughs] tags not spoken",
                "clean NAME: transcript (capitals)", "MP3 44.1 kHz mono 96 kbit/s"],
    notes="Panel on a city's allotment waiting list: a moderator, an allotment society chair (quiet) and a "
          "councillor; fast turn-taking with short interjections.",
    script="""
= Welcome
MARISOL: Good evening and welcome to Common Ground. Tonight, allotments. There are now more than 4,000 people on the city's waiting list for a garden plot, and some of them have been waiting since 2016. With me are Tobias Grunewald, who chairs the Eastfield allotment society, and Wren Adebayo, a councillor who sits on the parks committee.
TOBIAS: Good evening.
WREN: Hello, Marisol.
= Why the list is so long
MARISOL: Wren, why is the list so long?
WREN: Partly because everybody discovered gardening during the lockdowns, and partly because we have fewer plots than we had thirty years ago. In the nineties the council sold three whole sites for housing.
TOBIAS: Four.
WREN: Four, sorry. Four sites.
TOBIAS: I was on one of them. [Laughs]
MARISOL: What happens to someone who joins the list today?
WREN: Honestly? They wait. The average is about six years at the popular sites, and maybe eighteen months at the ones further out.
MARISOL: Six years.
TOBIAS: Some people give up and move away.
WREN: Or they move into a flat with a balcony and grow tomatoes in buckets.
= Sharing plots
MARISOL: Tobias, your site tried something different last year.
TOBIAS: We did. We asked people with full plots whether they would split them in half. A full plot is 250 square metres, and that is a lot of digging for one person with a job and children.
MARISOL: And did they agree?
TOBIAS: More than we expected. Thirty-one plot holders said yes, so thirty-one new people came off the list in one spring.
WREN: Which is the fastest the list has moved in a decade.
MARISOL: Any problems?
TOBIAS: Fences.
MARISOL: Fences?
TOBIAS: Everybody wanted a fence between the halves. We said no fences, just a path. There were some arguments about the path.
WREN: There are always arguments about the path. [Laughs]
= New land
MARISOL: Wren, can the council find new land?
WREN: We are looking at two places. One is a strip beside the railway at Holloway Road, about two acres, and the other is the old bowling green in Saint Anne's Park, which closed in 2021.
TOBIAS: The bowling green has lovely soil.
MARISOL: Does it?
TOBIAS: Fifty years of fertiliser. It's the best soil in the city.
WREN: The bowlers are not thrilled, though.
MARISOL: How much would it cost?
WREN: Around 90,000 pounds to set up both sites, mostly for water pipes, paths and a shed. That is less than one new roundabout.
TOBIAS: Much less.
= While you wait
MARISOL: Last word to each of you. What should people on the list do while they wait?
TOBIAS: Ask their neighbours. Half the older people on my street have gardens they can't manage anymore.
WREN: And write to your councillor. Not me, necessarily. But write.
MARISOL: Tobias Grunewald and Wren Adebayo, thank you.
TOBIAS: Thank you.
WREN: Thanks.
""",
))

# ------------------------------------------------------------------------------------------ 19
# like dev03_island_ferry: pink noise plus mains hum at 18 dB SNR, spoken fillers not in the transcript,
# full name on its own line.
EPISODES.append(dict(
    id="ho19_rescue_dog_noisy", seed=1919, style="fullname", format="flac_44k_mono_16bit",
    speakers={
        "IMOGEN": dict(label="IMOGEN", full_name="Imogen Castellanos", role="host", voice="en-gb-x-gbclan+f3",
                       rate=170, pitch=55),
        "RADEK": dict(label="RADEK", full_name="Radek Nowicki", role="guest", voice="en-us-nyc+m1", rate=158,
                      pitch=42, gain_db=-1.5),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.60), turn=(0.50, 0.95), para=(0.6, 0.9)),
    noise=dict(snr_db=18.0, hum_hz=60, hum_share=0.15),
    conditions=["2-speaker interview", "pink noise plus faint 60 Hz hum at 18 dB SNR (vs -20 dBFS speech)",
                "fillers um/uh/you know spoken by the guest, not in the transcript", "full name on its own line",
                "numbers, years and money in the text", "guest 1.5 dB quieter", "FLAC 44.1 kHz mono"],
    notes="Interview with a mountain rescue search-dog handler in a draughty hut (background noise); the guest "
          "says fillers that the transcript leaves out.",
    script="""
= Introduction
IMOGEN: This is Higher Ground, and I'm Imogen Castellanos. I'm sitting in a draughty hut at the foot of Carrow Pike with Radek Nowicki, a volunteer with the valley's mountain rescue team, and his search dog, a border collie called Juniper. Radek, thanks for having me.
RADEK: You're welcome. Juniper is {um,} very pleased to see you, as you can probably tell.
= Training a search dog
IMOGEN: How long does it take to train a dog like Juniper?
RADEK: About two years before she is allowed on a real search. We started when she was nine weeks old, with games. I would hide behind a wall, she would find me, and she would get her favourite toy.
> Then the games get harder. Somebody else hides, then somebody hides in the dark, then in the rain, then {uh,} three people hide half a mile apart and she has to find all of them.
IMOGEN: And is there an exam?
RADEK: There is. The assessors put volunteers out on the hill in sleeping bags, and you have to clear an area of about one square kilometre in under two hours. Juniper passed on her first attempt in 2022, which I am still {you know,} unreasonably proud of.
= A real call-out
IMOGEN: What happens when the pager goes off?
RADEK: It goes off at the worst possible moment. Dinner, or three in the morning. I put on my boots, Juniper puts on her jacket with the lights, and we drive to the base. The team leader gives us a search area and we go.
IMOGEN: Can you tell me about one search?
RADEK: Last November a walker went missing on the north ridge. Sixty-eight years old, {um,} experienced, but the cloud came down and he took a wrong turn. We went out at nine at night in sleet. Juniper found him at twenty past one, sitting under a boulder, cold but talking.
> She barked, came back to me, and led me to him. That's her job. Then she got her toy, and honestly she was more interested in the toy than in him.
= Paying for it
IMOGEN: Who pays for all this?
RADEK: Mostly donations. Each dog costs about 1,500 pounds a year in food, vet bills and kit, and I pay my own fuel. The team raised 42,000 pounds last year, {uh,} largely from a sponsored fell race and a lot of cake.
IMOGEN: And how long will Juniper keep working?
RADEK: Until she is about nine or ten. Then she retires to the sofa, and we start again with a puppy.
IMOGEN: Radek Nowicki, and Juniper, thank you both.
RADEK: Thank you. Say goodbye, Juniper.
""",
))

# ------------------------------------------------------------------------------------------ 20
# like dev04_newspaper_archive: room reverb, music alone then under the first sentence, outro, a sponsor read
# (third voice, over music, not in the transcript) between two turns; article page.
EPISODES.append(dict(
    id="ho20_swimming_baths_reverb", seed=2020, style="article", format="mp3_48k_stereo_160k",
    speakers={
        "FENELLA": dict(label="FENELLA", full_name="Fenella Okoro", role="host", voice="en+f3", rate=168,
                        pitch=55),
        "AUGUSTIN": dict(label="AUGUSTIN", full_name="Augustin Reyes", role="guest", voice="en-gb-x-rp+m2",
                         rate=176, pitch=36, gain_db=-3.0),
    },
    gaps=dict(first=0.6, sent=(0.30, 0.60), turn=(0.50, 0.95), para=(0.6, 0.9)),
    reverb=[50, 55, 80],
    music=dict(chords=["E3 G#3 B3", "C#3 E3 G#3", "A2 C#3 E3", "B2 D#3 F#3"], chord_s=2.2, wave="sine",
               level_db=-23, under_db=-37, bed_db=-33, intro_alone=7.0, intro_under=4.0, outro=7.0,
               sponsor_lead=1.5, sponsor_tail=1.2),
    sponsor=dict(voice="en-gb-scotland+m7", rate=188, pitch=46,
                 text="Built to Last is supported by Greyfield Tiles, makers of handmade ceramic tiles since 1921. "
                      "See the full range at greyfield tiles dot com, and ask about free samples for your next "
                      "project."),
    conditions=["2-speaker interview", "room reverb (sox reverb 50 55 80) on the transcript speech",
                "7 s chord intro alone, then 4 s under the first speech (17 dB below it)",
                "sponsor read by a third voice over a music bed between two turns, not in the transcript",
                "7 s outro music", "article page (header, caption, intro, note, footer not spoken)", "[Laughs] tag",
                "guest 3 dB quieter", "MP3 48 kHz stereo 160 kbit/s"],
    notes="Interview with the architect restoring Victorian public baths, recorded in the empty pool hall "
          "(reverb); music intro and outro, a sponsor read over music between two turns.",
    article_head=[
        "Under the glass roof: saving the Dunmore Street baths",
        "Augustin Reyes in the drained main pool, where the original tiles are being cleaned one by one "
        "(Photo: Cass Whitlow/Built to Last)",
        "The Dunmore Street baths opened in 1897 and closed in 2004. A trust of local swimmers now wants them open "
        "again by the end of next year. Fenella Okoro met the architect leading the restoration in the empty pool hall.",
        "Press play above to hear the episode, or read the transcript below.",
        "Read the transcript",
        "(The sponsor message has been removed from this transcript.)",
    ],
    article_foot=[
        "The Dunmore Street Baths Trust holds open days on the first Sunday of every month.",
        "About the author",
        "Fenella Okoro presents Built to Last, a podcast about old buildings and the people who refuse to let them "
        "fall down.",
        "Adjacent posts",
    ],
    script="""
= Welcome
FENELLA: Hello, and welcome to Built to Last. I'm Fenella Okoro, and if I sound a little echoey, that's because I'm standing at the bottom of an empty swimming pool. I'm with Augustin Reyes, the architect in charge of bringing the Dunmore Street baths back to life. Augustin, welcome.
AUGUSTIN: Thank you. Mind the drain, it's the only hole in the floor we haven't fixed yet. [Laughs]
= A Victorian pool
FENELLA: Tell me about the building. When was it built, and who was it for?
AUGUSTIN: It opened in 1897, paid for by the town council and a soap manufacturer called Josiah Dunmore. Most houses in this part of town had no bathroom at all, so the baths were not really a leisure centre. They were where people came to get clean.
> There were two pools, first class and second class, and forty private slipper baths upstairs, where for a penny you got a hot bath and a towel.
FENELLA: And the roof?
AUGUSTIN: The roof is the glory of the place. Cast iron arches and 3,000 panes of glass. When we started, about a third of the panes were broken, and pigeons were living in the gallery.
! sponsor
= The restoration
FENELLA: So where does a project like this begin?
AUGUSTIN: With a survey, and a lot of bad news. The boiler was from 1962 and completely dead. The pool tank had cracked in two places. The good news was that the tiles were mostly intact under a layer of paint.
> We are cleaning every tile by hand. There are around 60,000 of them, and so far volunteers have done about 22,000.
FENELLA: By hand?
AUGUSTIN: By hand, with toothbrushes and a very mild acid. It's slow, but a machine would destroy the glaze.
= Paying for it
FENELLA: What will all this cost?
AUGUSTIN: The full estimate is 7.4 million pounds. The heritage lottery has promised 4 million, the council 1.5 million, and the rest has to come from the trust.
> The new heating will use heat pumps and the warm water from the laundry next door, so the running costs should be about half of what a modern leisure centre pays.
= Opening day
FENELLA: When can people swim here again?
AUGUSTIN: If all goes well, in September next year. And the first swim is already promised to a woman called Edna Marsh, who learned to swim here in 1951. She is ninety-three, and she has told us she intends to dive.
FENELLA: Augustin Reyes, thank you.
AUGUSTIN: Thank you, Fenella. Come back when there's water in it.
""",
))

# ------------------------------------------------------------------------------------------ 21
# like dev05_lighthouse_md: Markdown monologue with '## ' chapter headings (not spoken), no music.
EPISODES.append(dict(
    id="ho21_map_projections_md", seed=2121, style="markdown", format="aac_m4a_44k_mono_64k",
    title="Why Every Map Is Wrong",
    subtitle="Script of an episode of Small Print, read by Callum Ashdown.",
    speakers={
        "CALLUM": dict(label="CALLUM", full_name="Callum Ashdown", role="narrator", voice="en-gb-x-gbcwmd+m5",
                       rate=172, pitch=46),
    },
    gaps=dict(first=0.9, sent=(0.30, 0.55), turn=(0.5, 0.9), para=(0.8, 1.2)),
    conditions=["monologue", "Markdown with # title, italic intro line and ## chapter headings (not spoken)",
                "single speaker at 172 wpm", "names, years and a URL in the text", "AAC in M4A, mono 64 kbit/s"],
    notes="Markdown script of a monologue about map projections.",
    script="""
= The orange peel problem
CALLUM: Try to flatten the peel of an orange onto a table and you will understand the oldest problem in map making. The peel tears, stretches or wrinkles, but it never lies flat without changing shape. The Earth has the same problem, only bigger.
> Every flat map of the world is a compromise. It can keep the shapes of countries correct, or their areas, or some of the distances, but never all three at once. Carl Friedrich Gauss proved this in 1827, and map makers have been choosing their compromises ever since.
= Mercator
> The most famous compromise was made by Gerardus Mercator in 1569. His map kept angles correct, which meant a sailor could draw a straight line between two ports and follow a single compass bearing all the way. For navigation, it was a gift.
> The price was size. On a Mercator map, Greenland looks about as large as Africa. In reality Africa is roughly fourteen times bigger. Alaska looks larger than Mexico, and it is not even close.
= Equal areas
> In the 1970s a German historian called Arno Peters promoted a map that kept areas correct instead. Africa and South America suddenly looked enormous, and Europe shrank. Many schools and charities adopted it, partly because it made a point about which parts of the world we are used to seeing as important.
> Cartographers were less impressed. The shapes on the Peters map are badly stretched, and a very similar projection had already been published by a Scottish clergyman, James Gall, in 1855.
= The map in your pocket
> The map on your phone uses a version of Mercator, for a simple reason. When you zoom into a street, the corners of the buildings have to be right angles, and Mercator keeps them that way. Nobody uses a phone to compare the size of Greenland and Africa.
> For world maps, many atlases now use a compromise called the Winkel Tripel projection, which gets nothing exactly right but nothing badly wrong. Since 1998 the National Geographic Society has used it for its maps of the whole world.
= Choosing a map
> So the next time you look at a world map, ask what it was made for. A map for sailors, a map for comparing populations and a map for finding a coffee shop can all be correct, and all be wrong, at the same time.
> If you want to see the distortion for yourself, our page at www.smallprintpod.net has a map where you can drag any country towards the poles and watch it grow.
""",
))

# ------------------------------------------------------------------------------------------ 22
# like dev06_winter_walk: plain paragraphs, no labels or headings, slow speaker (150 wpm), 16-bit WAV.
EPISODES.append(dict(
    id="ho22_orchard_february_plain", seed=2222, style="plain", format="wav_44k_stereo_s16",
    title="The Orchard in February",
    speakers={
        "ANSELM": dict(label="ANSELM", full_name="Anselm Rooke", role="narrator", voice="en-gb-scotland+m6", rate=150,
                       pitch=40),
    },
    gaps=dict(first=1.0, sent=(0.45, 0.80), turn=(0.5, 0.9), para=(1.0, 1.3)),
    conditions=["monologue", "slow speaker (150 wpm)", "plain paragraphs, no labels, no headings",
                "about 1-1.3 s between paragraphs", "single chapter", "WAV 44.1 kHz stereo 16-bit"],
    notes="Plain-paragraph monologue about winter pruning in a community orchard, read slowly.",
    script="""
= The Orchard in February
ANSELM: In February the community orchard on Tanner's Lane looks like nothing at all. Forty-two bare trees stand in the wet grass, and anyone walking past would think the place had been forgotten.
> It has not been forgotten. February is when the real work happens. This is the month for pruning, while the trees are asleep and the sap is low, and before the buds begin to swell.
> I arrive at eight, when the frost is still on the gate. The tools live in a green shed that was once a bus shelter. Saws, loppers, a ladder with one bent rung, and a tin of wound paint that nobody uses anymore.
> The rule I was taught is simple. Take out anything dead, anything diseased, and anything crossing. Then step back, look at the tree, and take out less than you want to. An apple tree can forgive a timid pruner. It takes years to forgive a greedy one.
> The oldest tree is a Bramley that was here before the houses. It was planted, we think, around 1930, and it still gives us two hundred kilos of cooking apples in a good year. Its trunk is hollow, and a wren nests in it every spring.
> By eleven the volunteers have arrived with flasks and biscuits. There are usually six or seven of us. A retired postman, two students, a woman who learned grafting in Hungary, and a boy of nine who is only interested in the bonfire.
> Some trees need more than pruning. Last winter we lost a Worcester Pearmain to honey fungus, and in its place we planted a young tree grafted from it, so the variety stays on the lane. A graft is only a cut twig bound tightly to a rootstock with tape, but if the two sides meet, they grow together for life.
> Each new tree costs us about 25 pounds, and a stake and a tree guard cost nearly as much again. The money comes from the apple day, from selling juice, and from a jar on the shed door that says, in a child's handwriting, for the trees.
> We burn the prunings at the end of the morning. The smoke smells of apples, faintly, and the boy stands as close as we will let him.
> In October, people will queue at the gate for the apple day, and nobody will remember the cold mornings. That is fine. The trees remember.
""",
))

# ------------------------------------------------------------------------------------------ 23
# like dev07_choir_rates: 2 speakers with very different rates and pause lengths, mixed-case Name: labels.
# dev07 is a 24-bit WAV; make.py writes no 24-bit format, so this one is a 16-bit WAV.
EPISODES.append(dict(
    id="ho23_drystone_rates", seed=2323, style="clean", format="wav_16k_mono_s16",
    speakers={
        "Lucinda": dict(label="Lucinda", full_name="Lucinda Marsh", role="host", voice="en-gb-x-gbclan+f1", rate=218,
                        pitch=60),
        "Ambrose": dict(label="Ambrose", full_name="Ambrose Tilley", role="guest", voice="en-029+m4", rate=124,
                        pitch=34, gain_db=-1.5),
    },
    gaps=dict(first=0.6, sent=(0.20, 0.40), turn=(0.35, 0.75), para=(0.6, 0.9),
              sent_by={"Ambrose": (0.7, 1.3)}),
    conditions=["2-speaker interview", "very different rates (host 218 wpm, guest 124 wpm)",
                "long pauses between the guest's sentences (0.7-1.3 s), short for the host",
                "long host sentences (40+ words) and very short guest sentences", "mixed-case Name: labels",
                "WAV 16 kHz mono 16-bit (dev07 is 24-bit; make.py has no 24-bit format)"],
    notes="Interview with a dry stone waller; the host talks fast in long sentences, the guest slowly in short ones.",
    script="""
= Introduction
Lucinda: Hello and welcome to Hands On, the show where we talk to people who make things the slow way, and my guest today has been building dry stone walls across the hill farms of the valley for forty-one years, without a single bag of cement, which I still find slightly hard to believe. Ambrose Tilley, welcome.
Ambrose: Thank you. It is true. No cement.
= How a wall stands up
Lucinda: So explain it to me like I'm a complete beginner, because when I look at one of your walls I see a pile of stones that somehow hasn't fallen over in a hundred years.
Ambrose: A dry stone wall is two walls, leaning on each other. The middle is filled with small stones. Every few feet, a long stone goes right through, and ties the two sides together.
Lucinda: And gravity does the rest?
Ambrose: Gravity does most of it. The rest is choosing the right stone. One over two, two over one.
Lucinda: One over two?
Ambrose: Every stone sits across a joint. Never on top of one.
= A day on the hill
Lucinda: What does a normal working day look like for you, because I imagine it's mostly lifting very heavy things in very bad weather?
Ambrose: Mostly, yes. I start at seven. On a good day I build about five metres of wall. On a bad day, two. Each metre is about one tonne of stone.
Lucinda: A tonne per metre, so on a good day you're moving five tonnes of rock with your hands, which is honestly more than I lift in a year at the gym.
Ambrose: I do not go to the gym.
Lucinda: I'm not surprised.
= When walls fall
Lucinda: And when a wall does fall down, which I assume happens even to the best of them, what's usually to blame, the weather, the sheep, or the farmer with the tractor?
Ambrose: The tractor. Always the tractor. Sheep are second.
Lucinda: Not the rain?
Ambrose: Frost, sometimes. Water gets into a bad wall and freezes. A good wall lets the water out.
= Passing it on
Lucinda: Are young people learning the craft, or are you one of the last?
Ambrose: More than you would think. I have taught twenty-six apprentices since 1998. Three of them now have their own businesses. One of them is faster than me.
Lucinda: Does that annoy you?
Ambrose: A little. But her walls are good.
Lucinda: Ambrose Tilley, thank you so much for coming down off the hill to talk to us, and I hope the weather holds for your next five metres.
Ambrose: Thank you. It will not.
""",
))
